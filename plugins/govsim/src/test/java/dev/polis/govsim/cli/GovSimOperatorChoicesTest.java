package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ModelRequest;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The override test of the {@code polis govsim} entry point: the operator's {@code POLIS_DEVICE},
 * {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} reach every model of a sweep (each agent's own, the framework
 * model, the embedder), each model is made for its run, and the host records their calls in the run's
 * {@code calls.jsonl}.
 */
@Timeout(120)
class GovSimOperatorChoicesTest {

    private static final Map<String, String> OPERATOR = Map.of("POLIS_DEVICE", "cuda:7",
            "POLIS_DECODER", "decoder.test", "POLIS_ACCELERATORS", "acc.a,acc.b");

    @TempDir
    Path out;

    @BeforeEach
    void forgetEarlierRequests() {
        CaptureChatModelProvider.REQUESTS.clear();
        CaptureEmbeddingModelProvider.REQUESTS.clear();
    }

    @Test
    void theOperatorsDeviceDecoderAndAcceleratorsReachEveryModelOfTheSweep() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = polis(new String[] {"govsim", "--model", "capture:x",
                "--agent-setting", "frameworkModel=capture:framework", "--agent-setting", "embedder=capture:embedder",
                "-s", "fishery", "--seeds", "1", "--months", "1", "-j", "1", "-o", out.toString()},
                stdout, stderr, OPERATOR);
        assertThat(status).as(stdout.toString(StandardCharsets.UTF_8) + "\n" + stderr.toString(StandardCharsets.UTF_8))
                .isZero();

        List<ModelRequest> requests = new ArrayList<>(CaptureChatModelProvider.REQUESTS);
        requests.addAll(CaptureEmbeddingModelProvider.REQUESTS);
        assertThat(requests).extracting(r -> r.spec().toString())
                .containsOnly("capture:x", "capture:framework", "capture:embedder")
                .filteredOn("capture:x"::equals).hasSize(5);
        Path run = onlyRun();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.inference().device()).isEqualTo("cuda:7");
            assertThat(request.inference().decoder()).isEqualTo("decoder.test");
            assertThat(request.inference().accelerators()).containsExactly("acc.a", "acc.b");
            assertThat(request.run().runId()).isEqualTo(run.getFileName().toString());
            assertThat(request.run().directory()).contains(run);
        });

        List<JsonNode> calls = lines(run.resolve("calls.jsonl"));
        assertThat(calls).extracting(c -> c.path("spec").asText())
                .contains("capture:x", "capture:framework", "capture:embedder");
    }

    /** Runs the real command line with {@code environment} as the process environment. */
    private static int polis(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err,
                             Map<String, String> environment) {
        return PolisCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            List<Path> list = runs.toList();
            assertThat(list).hasSize(1);
            return list.getFirst();
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }
}
