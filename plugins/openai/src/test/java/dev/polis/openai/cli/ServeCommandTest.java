package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.host.Models;
import dev.polis.api.run.RunRecord;
import dev.polis.core.calls.CallRecords;
import dev.polis.openai.HashedWords;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.OpenAiEmbeddingModelProvider;
import dev.polis.openai.TestModels;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ServeCommandTest {

    @TempDir
    Path dir;

    private final AtomicReference<ModelRequest> chatAsked = new AtomicReference<>();
    private final AtomicReference<ModelRequest> embedderAsked = new AtomicReference<>();

    @Test
    void servesTheModelRecordsItsCallsInTheRecordFolderAndStops() throws Exception {
        ServeCommand command = new ServeCommand(models());
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        Path folder = dir.resolve("served");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--port", "0", "--option", "lane=agent", "--record", folder.toString()));
        awaitServer(command);
        try (ChatModel client = new OpenAiChatModelProvider(name -> null)
                .create(ModelRequest.of("openai:" + command.server().baseUrl() + "#tiny"))) {
            assertThat(client.chat(ChatRequest.of(Message.user("hi"))).text()).isEqualTo("served answer");
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(chatAsked.get().spec().options()).containsEntry("lane", "agent");
        assertThat(chatAsked.get().run().directory()).contains(folder);
        assertThat(out.toString()).contains("Serving scripted:demo#tiny as 'tiny' at http://127.0.0.1:",
                "recording calls to " + folder.resolve(RunRecord.CALLS), "Stopped.");
        assertThat(CallRecords.read(folder.resolve(RunRecord.CALLS))).hasSize(1);
    }

    @Test
    void servesAnEmbedderBesideTheChatModelAndRecordsItsCallsToo() throws Exception {
        ServeCommand command = new ServeCommand(models());
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--embedder", "local:encoders#words", "--embedder-option", "pooling=mean",
                "--port", "0", "--record", dir.toString()));
        awaitServer(command);
        try (EmbeddingModel client = new OpenAiEmbeddingModelProvider(name -> null)
                .create(ModelRequest.of("openai:" + command.server().baseUrl() + "#words"))) {
            assertThat(client.embed(EmbeddingRequest.query("fish in the lake")).embeddings())
                    .containsExactly(HashedWords.of("fish in the lake"));
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(embedderAsked.get().spec().options()).containsEntry("pooling", "mean");
        assertThat(out.toString()).contains("Serving scripted:demo#tiny as 'tiny' and local:encoders#words as "
                + "'words' at http://127.0.0.1:");
        assertThat(CallRecords.readEmbeddings(dir.resolve(RunRecord.CALLS))).hasSize(1);
    }

    @Test
    void withoutRecordNothingIsWrittenAndTheRunKeepsNoFolder() throws Exception {
        ServeCommand command = new ServeCommand(models());
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--port", "0"));
        awaitServer(command);
        command.stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(chatAsked.get().run().directory()).isEmpty();
    }

    @Test
    void theServingLineShowsNoOptionsAndNoSecretsOfTheSpec() throws Exception {
        ServeCommand command = new ServeCommand(models());
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:https://bob:hunter2@models.example/v1?api_key=hunter3#tiny", "--option",
                "token=hunter4", "--port", "0"));
        awaitServer(command);
        command.stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("Serving scripted:https://models.example/v1?api_key=***#tiny as 'tiny'")
                .doesNotContain("hunter");
    }

    @Test
    void rejectsABadPort() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ServeCommand(models()))
                .setErr(new PrintWriter(err, true)).execute("--model", "x:y", "--port", "70000");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535 but was 70000");
    }

    @Test
    void refusesARecordFileAndNamesTheFolderToGive() {
        StringWriter err = new StringWriter();
        Path file = dir.resolve("r1").resolve(RunRecord.CALLS);
        int status = new CommandLine(new ServeCommand(models())).setErr(new PrintWriter(err, true))
                .execute("--model", "scripted:demo", "--port", "0", "--record", file.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--record takes the folder that receives calls.jsonl, not a file",
                "give the folder instead, for example --record " + dir.resolve("r1"));
        assertThat(chatAsked.get()).as("no model is created").isNull();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void refusesARecordPathThatIsAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("served.txt"), "");
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ServeCommand(models())).setErr(new PrintWriter(err, true))
                .execute("--model", "scripted:demo", "--port", "0", "--record", file.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("not a file", "--record " + dir.resolve("served"));
    }

    private Models models() {
        ChatModelProvider scripted = new ChatModelProvider() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public ChatModel create(ModelRequest request) {
                chatAsked.set(request);
                return ScriptedChatModel.always("served answer");
            }
        };
        EmbeddingModelProvider local = new EmbeddingModelProvider() {
            @Override
            public String id() {
                return "local";
            }

            @Override
            public EmbeddingModel create(ModelRequest request) {
                embedderAsked.set(request);
                return new HashedWords();
            }
        };
        return TestModels.over(scripted, local);
    }

    static void awaitServer(ServeCommand command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (command.server() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(command.server()).as("the server started within 10 s").isNotNull();
    }
}
