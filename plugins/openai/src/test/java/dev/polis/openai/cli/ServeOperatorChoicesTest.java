package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.polis.api.chat.ModelRequest;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The override test of the {@code polis serve} entry point: the operator's {@code POLIS_DEVICE},
 * {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} reach the served model through the host's
 * {@link dev.polis.api.host.Models}.
 */
@Timeout(60)
class ServeOperatorChoicesTest {

    private static final Map<String, String> OPERATOR = Map.of("POLIS_DEVICE", "cuda:7",
            "POLIS_DECODER", "decoder.test", "POLIS_ACCELERATORS", "acc.a, acc.b");

    @BeforeEach
    void forgetEarlierRequests() {
        CaptureChatModelProvider.LAST.set(null);
    }

    @Test
    void theOperatorsDeviceDecoderAndAcceleratorsReachTheServedModel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = new Thread(() -> PolisCli.execute(
                new String[] {"serve", "--model", "capture:x", "--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                OPERATOR), "polis-serve-under-test");
        serving.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString(StandardCharsets.UTF_8).contains("Serving capture:x") && serving.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout; stderr: %s", err.toString(StandardCharsets.UTF_8))
                    .contains("Serving capture:x as 'capture:x' at");
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertThat(serving.isAlive()).as("serve stopped when its thread was interrupted").isFalse();

        ModelRequest request = CaptureChatModelProvider.LAST.get();
        assertThat(request.spec().toString()).isEqualTo("capture:x");
        assertThat(request.inference().device()).isEqualTo("cuda:7");
        assertThat(request.inference().decoder()).isEqualTo("decoder.test");
        assertThat(request.inference().accelerators()).containsExactly("acc.a", "acc.b");
        assertThat(request.run().directory()).isEmpty();
    }
}
