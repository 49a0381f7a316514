package dev.polis.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.run.RunContext;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunRecord;
import dev.polis.core.calls.ReplayChatModelProvider;
import dev.polis.core.calls.ReplayEmbeddingModelProvider;
import dev.polis.core.calls.ReplayMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records a run whose agents chat and embed through {@link HostModels}, then answers its calls offline from
 * {@code calls.jsonl}. The recorded embedder's vectors depend on how many calls it has had, so only a replay that
 * reads them from the file can give them again.
 */
class EmbedderReplayTest {

    private static final EmbeddingRequest MEMORIES = EmbeddingRequest.documents(List.of(
            "The lake held 100 tonnes in March.", "Agent 2 took 30 tonnes.", "The quota vote failed."));
    private static final EmbeddingRequest QUESTION = new EmbeddingRequest(List.of("How much fish is left?"),
            InputKind.QUERY, Map.of("agent", "a1"));
    private static final EmbeddingRequest PLAN = EmbeddingRequest.documents(List.of("Take 10 tonnes next month."));
    private static final ChatRequest ASK = ChatRequest.of(Message.system("You fish."), Message.user("How many?"));

    @TempDir
    Path dir;

    private final Map<EmbeddingRequest, EmbeddingResponse> recorded = new LinkedHashMap<>();
    private ChatResponse recordedAnswer;
    private Path calls;

    @BeforeEach
    void recordARun() {
        RunContext run = RunContext.inFolder("r1", 0, dir.resolve("r1"), EventSink.discarding());
        HostModels models = new HostModels(new CapturingModels().registry(), InferenceOptions.DEFAULTS);
        try (EmbeddingModel embedder = models.embedding(ModelRequest.of("capture:embed").inRun(run));
             ChatModel chat = models.chat(ModelRequest.of("capture:chat").inRun(run))) {
            for (EmbeddingRequest request : List.of(MEMORIES, QUESTION)) {
                recorded.put(request, embedder.embed(request));
            }
            recordedAnswer = chat.chat(ASK);
            recorded.put(PLAN, embedder.embed(PLAN));
        }
        calls = run.directory().orElseThrow().resolve(RunRecord.CALLS);
    }

    private EmbeddingModel replay() {
        return new ReplayEmbeddingModelProvider().create(ModelRequest.of("replay:" + calls));
    }

    @Test
    void theReplayAnswersTheRecordedRequestsWithIdenticalVectors() {
        try (EmbeddingModel replay = replay()) {
            recorded.forEach((request, response) ->
                    assertThat(replay.embed(request)).as("replayed answer to %s", request.texts()).isEqualTo(response));
        }
    }

    @Test
    void theReplayAnswersRequestsAskedInAnotherOrder() {
        try (EmbeddingModel replay = replay()) {
            for (EmbeddingRequest request : List.of(PLAN, QUESTION, MEMORIES)) {
                assertThat(replay.embed(request).embeddings()).as("vectors for %s", request.texts())
                        .isEqualTo(recorded.get(request).embeddings());
            }
        }
    }

    @Test
    void aTextNeverRecordedFailsWithAMessageNamingIt() {
        try (EmbeddingModel replay = replay()) {
            assertThatThrownBy(() -> replay.embed(EmbeddingRequest.documents(List.of("A storm closed the harbour."))))
                    .isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("no unused recorded embedding call")
                    .hasMessageContaining("'A storm closed the harbour.'")
                    .hasMessageContaining("3 recorded calls left");
            assertThatThrownBy(() -> replay.embed(EmbeddingRequest.documents(QUESTION.texts())))
                    .as("a recorded query asked as a document").isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("document text(s)");
            replay.embed(PLAN);
            assertThatThrownBy(() -> replay.embed(PLAN)).as("a recorded call asked twice")
                    .isInstanceOf(ReplayMismatchException.class).hasMessageContaining("2 recorded calls left");
        }
    }

    @Test
    void chatReplayStillWorksOnALogThatMixesBothKinds() {
        try (ChatModel replay = new ReplayChatModelProvider().create(ModelRequest.of("replay:" + calls))) {
            ChatResponse answer = replay.chat(ASK);
            assertThat(answer.text()).isEqualTo(recordedAnswer.text()).isEqualTo("chat: How many?");
            assertThat(answer.finishReason()).isEqualTo(recordedAnswer.finishReason());
        }
    }

    @Test
    void aLogWithoutEmbeddingCallsIsAnInputErrorSayingSo() {
        RunContext chatOnly = RunContext.inFolder("r2", 0, dir.resolve("r2"), EventSink.discarding());
        HostModels models = new HostModels(new CapturingModels().registry(), InferenceOptions.DEFAULTS);
        try (ChatModel chat = models.chat(ModelRequest.of("capture:chat").inRun(chatOnly))) {
            chat.chat(ASK);
        }
        Path log = chatOnly.directory().orElseThrow().resolve(RunRecord.CALLS);
        assertThatThrownBy(() -> new ReplayEmbeddingModelProvider().create(ModelRequest.of("replay:" + log)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds no successful embedding call");
    }
}
