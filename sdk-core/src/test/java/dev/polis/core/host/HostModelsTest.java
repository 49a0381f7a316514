package dev.polis.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.host.UnknownExtensionException;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.run.RunContext;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunRecord;
import dev.polis.core.calls.CallRecord;
import dev.polis.core.calls.CallRecords;
import dev.polis.core.calls.EmbeddingCallRecord;
import dev.polis.core.calls.RecordingChatModel;
import dev.polis.core.calls.RecordingEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostModelsTest {

    private static final InferenceOptions OPERATOR = new InferenceOptions("cuda:1", "decoder.operator",
            List.of("accelerator.operator"), Map.of("decoder.operator", Map.of("k", 2)));

    @TempDir
    Path dir;

    private final CapturingModels capture = new CapturingModels();
    private final HostModels models = new HostModels(capture.registry(), OPERATOR);

    @Test
    void openInferenceChoicesAreFilledFromTheOperatorsAndExplicitOnesKept() {
        InferenceOptions mine = new InferenceOptions("cpu", null, null, Map.of("decoder.mine", Map.of("k", 1)));
        models.chat(ModelRequest.of("capture:a").withInference(mine)).close();
        models.chat(ModelRequest.of("capture:b").withInference(new InferenceOptions(null, "decoder.mine", List.of())))
                .close();
        models.embedding(ModelRequest.of("capture:c")).close();

        InferenceOptions first = capture.requests.get(0).inference();
        assertThat(first.device()).as("device given by the request").isEqualTo("cpu");
        assertThat(first.decoder()).as("decoder left open").isEqualTo("decoder.operator");
        assertThat(first.accelerators()).as("accelerators left open").containsExactly("accelerator.operator");
        assertThat(first.settingsOf("decoder.mine")).containsEntry("k", 1);
        assertThat(first.settingsOf("decoder.operator")).containsEntry("k", 2);

        InferenceOptions second = capture.requests.get(1).inference();
        assertThat(second.device()).as("device left open").isEqualTo("cuda:1");
        assertThat(second.decoder()).as("decoder given by the request").isEqualTo("decoder.mine");
        assertThat(second.accelerators()).as("an empty list asks for no accelerators").isEmpty();

        assertThat(capture.requests.get(2).inference()).as("embedding request with every choice open")
                .isEqualTo(OPERATOR);
        assertThat(models.operatorChoices()).isEqualTo(OPERATOR);
    }

    @Test
    void aRunWithAFolderGetsItsChatAndEmbeddingCallsAppendedToOneLog() throws Exception {
        RunContext run = RunContext.inFolder("r1", 0, dir.resolve("r1"), EventSink.discarding());
        Path calls = run.directory().orElseThrow().resolve(RunRecord.CALLS);
        ChatModel chat = models.chat(ModelRequest.of("capture:chat").inRun(run));
        EmbeddingModel embedder = models.embedding(ModelRequest.of("capture:embed").inRun(run));

        assertThat(chat.chat(ChatRequest.of(Message.user("one"))).text()).isEqualTo("chat: one");
        embedder.embed(EmbeddingRequest.documents(List.of("the lake", "the fish")));
        chat.chat(ChatRequest.of(Message.user("two")));
        chat.close();
        embedder.embed(EmbeddingRequest.query("how many fish?"));
        assertThat(capture.closed).as("models closed so far").containsExactly("chat:chat");

        assertThat(CallRecords.read(calls)).extracting(CallRecord::seq).containsExactly(1L, 3L);
        assertThat(CallRecords.readEmbeddings(calls)).extracting(EmbeddingCallRecord::seq).containsExactly(2L, 4L);
        assertThat(CallRecords.readEmbeddings(calls).get(1).embed().texts()).containsExactly("how many fish?");

        embedder.close();
        assertThat(capture.closed).containsExactly("chat:chat", "embedding:embed");
        assertThatThrownBy(() -> embedder.embed(EmbeddingRequest.query("late")))
                .as("the log is closed once the last model of the run is closed")
                .isInstanceOf(PolisException.class).hasMessageContaining("is closed");

        try (ChatModel later = models.chat(ModelRequest.of("capture:later").inRun(run))) {
            later.chat(ChatRequest.of(Message.user("three")));
        }
        assertThat(CallRecords.read(calls)).as("numbers continue in a log opened again")
                .extracting(CallRecord::seq).containsExactly(1L, 3L, 5L);
        assertThat(Files.readAllLines(calls)).hasSize(5);
    }

    @Test
    void aRunWithoutAFolderRecordsNothing() throws Exception {
        try (ChatModel chat = models.chat(ModelRequest.of("capture:chat"));
             EmbeddingModel embedder = models.embedding(ModelRequest.of("capture:embed"))) {
            chat.chat(ChatRequest.of(Message.user("one")));
            embedder.embed(EmbeddingRequest.query("two"));
            assertThat(chat).as("the chat model outside a run").isNotInstanceOf(RecordingChatModel.class);
            assertThat(embedder).as("the embedding model outside a run")
                    .isNotInstanceOf(RecordingEmbeddingModel.class);
        }
        assertThat(capture.closed).containsExactlyInAnyOrder("chat:chat", "embedding:embed");
        try (var files = Files.walk(dir)) {
            assertThat(files).as("files written").containsExactly(dir);
        }
    }

    @Test
    void anUnknownProviderIsAnInputErrorListingTheKnownIds() {
        assertThatThrownBy(() -> models.chat("captur:x"))
                .isInstanceOf(UnknownExtensionException.class).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown ChatModelProvider 'captur'")
                .hasMessageContaining("did you mean 'capture'?")
                .hasMessageContaining("known: capture");
        assertThatThrownBy(() -> models.embedding("openai:http://localhost/v1#m"))
                .isInstanceOf(UnknownExtensionException.class)
                .hasMessageContaining("unknown EmbeddingModelProvider 'openai'")
                .hasMessageContaining("known: capture");
        assertThat(capture.requests).as("requests that reached a provider").isEmpty();
    }
}
