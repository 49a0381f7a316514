package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.Message;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of a {@link ChatModel}: complete responses, streams whose pieces add up to the answer,
 * thread safety and an idempotent close.
 *
 * <p>Supply the model through {@link #createModel()}; override {@link #typicalRequest()} for models that only
 * answer certain prompts (a replay model, for example).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ChatModelCompatibilityKit {

    /** Returns a new instance of the model under test; the kit closes it. */
    protected abstract ChatModel createModel();

    /** Returns a request the model can answer; a short system and user exchange unless overridden. */
    protected ChatRequest typicalRequest() {
        return ChatRequest.of(Message.system("You answer in one short sentence."), Message.user("Say hello."));
    }

    /** Returns how many threads call the model at once in the concurrency test; four unless overridden. */
    protected int concurrentCallers() {
        return 4;
    }

    @Test
    public void chatReturnsTextUsageAndFinishReason() {
        try (ChatModel model = createModel()) {
            ChatResponse response = model.chat(typicalRequest());
            assertThat(response).as("response").isNotNull();
            assertThat(response.text()).as("text").isNotNull();
            assertThat(response.usage()).as("usage").isNotNull();
            assertThat(response.finishReason()).as("finish reason").isNotNull();
        }
    }

    @Test
    public void streamedPiecesAddUpToTheResponseAndCompleteOnce() {
        List<String> pieces = new CopyOnWriteArrayList<>();
        List<ChatResponse> completions = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        ChatResponse response;
        try (ChatModel model = createModel()) {
            response = model.stream(typicalRequest(), new ChatStreamListener() {
                @Override
                public void onText(String piece) {
                    pieces.add(piece);
                }

                @Override
                public void onComplete(ChatResponse complete) {
                    completions.add(complete);
                }

                @Override
                public void onError(Throwable error) {
                    errors.add(error);
                }
            });
        }
        assertThat(errors).as("errors reported to the listener").isEmpty();
        assertThat(response).as("response returned by stream").isNotNull();
        assertThat(pieces).as("streamed pieces").doesNotContainNull();
        assertThat(String.join("", pieces)).as("streamed pieces joined").isEqualTo(response.text());
        assertThat(completions).as("onComplete calls").hasSize(1);
        assertThat(completions.get(0).text()).as("text handed to onComplete").isEqualTo(response.text());
    }

    @Test
    public void concurrentCallsFromSeveralThreadsAllSucceed() throws Exception {
        int callers = concurrentCallers();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (ChatModel model = createModel()) {
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < callers * 2; i++) {
                calls.add(pool.submit(() -> {
                    ChatResponse response = model.chat(typicalRequest());
                    answered.incrementAndGet();
                    return response;
                }));
            }
            for (Future<ChatResponse> call : calls) {
                assertThat(call.get(2, TimeUnit.MINUTES)).as("response of a concurrent call").isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answered).as("answered calls").hasValue(callers * 2);
    }

    @Test
    public void closeCanBeCalledTwice() {
        ChatModel model = createModel();
        model.chat(typicalRequest());
        model.close();
        model.close();
    }
}
