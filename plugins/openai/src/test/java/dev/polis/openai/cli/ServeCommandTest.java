package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.core.calls.CallRecords;
import dev.polis.core.cli.PolisCli;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.openai.HashedWords;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.OpenAiEmbeddingModelProvider;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesTheResolvedModelRecordsCallsAndStops() throws Exception {
        AtomicReference<ModelSpec> asked = new AtomicReference<>();
        ServeCommand command = new ServeCommand(spec -> {
            asked.set(spec);
            return ScriptedChatModel.always("served answer");
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        Path record = dir.resolve("calls.jsonl");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--port", "0", "--option", "lane=agent", "--record", record.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (command.server() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        try (ChatModel client = new OpenAiChatModelProvider(name -> null)
                .create(ModelSpec.parse("openai:" + command.server().baseUrl() + "#tiny"))) {
            assertThat(client.chat(ChatRequest.of(Message.user("hi"))).text()).isEqualTo("served answer");
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(asked.get().options()).containsEntry("lane", "agent");
        assertThat(out.toString()).contains("Serving scripted:demo#tiny as 'tiny' at http://127.0.0.1:", "Stopped.");
        assertThat(CallRecords.read(record)).hasSize(1);
    }

    @Test
    void servesAnEmbedderBesideTheChatModel() throws Exception {
        AtomicReference<ModelSpec> embedderAsked = new AtomicReference<>();
        ServeCommand command = new ServeCommand(new ModelResolver() {
            @Override
            public ChatModel resolve(ModelSpec spec) {
                return ScriptedChatModel.always("served answer");
            }

            @Override
            public EmbeddingModel resolveEmbedder(ModelSpec spec) {
                embedderAsked.set(spec);
                return new HashedWords();
            }
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--embedder", "local:encoders#words", "--embedder-option", "pooling=mean",
                "--port", "0"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (command.server() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        try (EmbeddingModel client = new OpenAiEmbeddingModelProvider(name -> null)
                .create(ModelSpec.parse("openai:" + command.server().baseUrl() + "#words"))) {
            assertThat(client.embed(EmbeddingRequest.query("fish in the lake")).embeddings())
                    .containsExactly(HashedWords.of("fish in the lake"));
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(embedderAsked.get().options()).containsEntry("pooling", "mean");
        assertThat(out.toString()).contains("Serving scripted:demo#tiny as 'tiny' and local:encoders#words as "
                + "'words' at http://127.0.0.1:");
    }

    @Test
    void rejectsABadPort() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ServeCommand(spec -> ScriptedChatModel.always("x")))
                .setErr(new PrintWriter(err, true)).execute("--model", "x:y", "--port", "70000");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535 but was 70000");
    }

    @Test
    void theHostFindsTheProvidersAndInjectsTheRegistryIntoServe() {
        try (PluginHost host = PluginHost.start(HostOptions.classpathOnly())) {
            ExtensionRegistry registry = new ExtensionRegistry(host);
            assertThat(registry.ids(ChatModelProvider.class)).contains("openai", "replay");
            assertThat(registry.ids(EmbeddingModelProvider.class)).contains("openai");
            assertThat(registry.get(EmbeddingModelProvider.class, "openai").description())
                    .startsWith("Embedding models behind any OpenAI-compatible /embeddings endpoint");
            assertThat(registry.get(CommandProvider.class, "serve").newCommand()).isInstanceOf(ServeCommand.class);
        }
    }

    @Test
    void polisServeHelpComesFromThePlugin() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PolisCli.execute(new String[] {"serve", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--model=<spec>", "--port", "OpenAI-compatible");
    }

    @Test
    void servesAReplayOverTheRealRegistry() throws Exception {
        Path recording = dir.resolve("calls.jsonl");
        Files.writeString(recording, "");
        try (PluginHost host = PluginHost.start(HostOptions.classpathOnly())) {
            ModelResolver resolver = ModelResolver.using(new ExtensionRegistry(host));
            assertThat(resolver.resolve(ModelSpec.parse("replay:" + recording)).spec())
                    .isEqualTo("replay:" + recording);
        }
    }
}
