package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.core.cli.PolisCli;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.host.HostServicesModule;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code polis serve} inside the real host: found as an extension, given the host's {@link Models}. */
@Timeout(60)
class ServeCommandHostTest {

    @TempDir
    Path dir;

    @Test
    void theHostFindsTheProvidersAndInjectsItsModelsIntoServe() {
        try (PluginHost host = startHost()) {
            Extensions extensions = host.injector().getInstance(Extensions.class);
            assertThat(extensions.ids(ChatModelProvider.class)).contains("openai", "replay");
            assertThat(extensions.ids(EmbeddingModelProvider.class)).contains("openai");
            assertThat(extensions.get(EmbeddingModelProvider.class, "openai").description())
                    .startsWith("Embedding models behind any OpenAI-compatible /embeddings endpoint");
            assertThat(extensions.get(CommandProvider.class, "serve").newCommand()).isInstanceOf(ServeCommand.class);
        }
    }

    @Test
    void servesAReplayThroughTheHostsModels() throws Exception {
        Path recording = Files.writeString(dir.resolve("calls.jsonl"), "");
        try (PluginHost host = startHost();
             ChatModel replay = host.injector().getInstance(Models.class).chat("replay:" + recording)) {
            assertThat(replay.spec()).isEqualTo("replay:" + recording);
        }
    }

    @Test
    void polisServeHelpComesFromThePluginAndAsksForARecordFolder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PolisCli.execute(new String[] {"serve", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--model=<spec>", "--port", "OpenAI-compatible",
                "--record=<folder>", "<folder>/calls.jsonl");
    }

    private static PluginHost startHost() {
        return PluginHost.start(HostOptions.classpathOnly(),
                new HostServicesModule(OperatorOverrides.of(Map.of()), Map.of(), ProgressDisplay.silent()));
    }
}
