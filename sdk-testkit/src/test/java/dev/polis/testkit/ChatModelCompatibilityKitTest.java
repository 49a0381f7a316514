package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class ChatModelCompatibilityKitTest {

    @Test
    void anEchoModelThatStreamsWordByWordPasses() {
        assertThat(KitRunner.failures(Echo.class)).isEmpty();
    }

    @Test
    void aModelThatLosesPiecesCompletesTwiceAndFailsOnSecondCloseFails() {
        assertThat(KitRunner.failures(Broken.class)).containsOnlyKeys(
                "streamedPiecesAddUpToTheResponseAndCompleteOnce", "closeCanBeCalledTwice");
    }

    @Test
    void aModelThatIsNotThreadSafeFailsTheConcurrencyTest() {
        assertThat(KitRunner.failures(SingleThreaded.class)).containsOnlyKeys("concurrentCallsFromSeveralThreadsAllSucceed");
    }

    /** Answers with the last message reversed word by word, streaming one word at a time. */
    static class EchoModel implements ChatModel {
        @Override
        public ChatResponse chat(ChatRequest request) {
            String last = request.messages().get(request.messages().size() - 1).content();
            return new ChatResponse("You said: " + last, FinishReason.STOP, new Usage(last.length(), last.length() + 10), "echo");
        }

        @Override
        public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
            ChatResponse response = chat(request);
            for (String piece : pieces(response.text())) {
                listener.onText(piece);
            }
            listener.onComplete(response);
            return response;
        }

        static List<String> pieces(String text) {
            List<String> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == ' ') {
                    pieces.add(text.substring(start, i));
                    start = i;
                }
            }
            return pieces;
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Echo extends ChatModelCompatibilityKit {
        @Override
        protected ChatModel createModel() {
            return new EchoModel();
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Broken extends ChatModelCompatibilityKit {
        @Override
        protected ChatModel createModel() {
            AtomicBoolean closed = new AtomicBoolean();
            return new EchoModel() {
                @Override
                public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
                    ChatResponse response = chat(request);
                    List<String> pieces = pieces(response.text());
                    pieces.subList(1, pieces.size()).forEach(listener::onText);
                    listener.onComplete(response);
                    listener.onComplete(response);
                    return response;
                }

                @Override
                public void close() {
                    if (!closed.compareAndSet(false, true)) {
                        throw new IllegalStateException("already closed");
                    }
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class SingleThreaded extends ChatModelCompatibilityKit {
        @Override
        protected ChatModel createModel() {
            AtomicBoolean busy = new AtomicBoolean();
            return new EchoModel() {
                @Override
                public ChatResponse chat(ChatRequest request) {
                    if (!busy.compareAndSet(false, true)) {
                        throw new IllegalStateException("one call at a time");
                    }
                    try {
                        Thread.sleep(50);
                        return super.chat(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } finally {
                        busy.set(false);
                    }
                }
            };
        }
    }
}
