package dev.polis.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import dev.polis.api.PolisExtension;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.Usage;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.host.LoadedExtension;
import dev.polis.core.registry.ExtensionRegistry;

/**
 * A chat and an embedding provider, both with id {@code capture}, that note every request they get and every
 * model closed, over a registry that holds just them.
 *
 * <p>Chat models answer {@code <location>: <last message>}. Embedding vectors count the words of a text into
 * buckets and carry the number of calls made so far, so that a replay cannot compute them again, only read them.
 */
final class CapturingModels {

    /** The requests the providers got, in order. */
    final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    /** The specs of the models closed, in order. */
    final List<String> closed = new CopyOnWriteArrayList<>();

    private final AtomicInteger embedCalls = new AtomicInteger();

    /** Returns a registry that offers the two providers. */
    ExtensionRegistry registry() {
        Map<Class<?>, List<LoadedExtension<?>>> loaded = Map.of(
                ChatModelProvider.class, List.of(loaded(ChatModelProvider.class, new Chat())),
                EmbeddingModelProvider.class, List.of(loaded(EmbeddingModelProvider.class, new Embeddings())));
        return new ExtensionRegistry(type -> loaded.getOrDefault(type, List.of()));
    }

    private static <T extends PolisExtension> LoadedExtension<T> loaded(Class<T> type, T instance) {
        return new LoadedExtension<>(type, instance.id(), LoadedExtension.CLASSPATH, 0, instance);
    }

    /** Notes the chat requests. */
    private final class Chat implements ChatModelProvider {
        @Override
        public String id() {
            return "capture";
        }

        @Override
        public ChatModel create(ModelRequest request) {
            requests.add(request);
            String location = request.spec().location();
            return new ChatModel() {
                @Override
                public ChatResponse chat(ChatRequest chat) {
                    return new ChatResponse(location + ": " + chat.messages().getLast().content(), FinishReason.STOP,
                            new Usage(1, 1), "capture");
                }

                @Override
                public void close() {
                    closed.add("chat:" + location);
                }
            };
        }
    }

    /** Notes the embedding requests. */
    private final class Embeddings implements EmbeddingModelProvider {
        @Override
        public String id() {
            return "capture";
        }

        @Override
        public EmbeddingModel create(ModelRequest request) {
            requests.add(request);
            String location = request.spec().location();
            return new EmbeddingModel() {
                @Override
                public EmbeddingResponse embed(EmbeddingRequest embed) {
                    int call = embedCalls.incrementAndGet();
                    List<Embedding> vectors = new ArrayList<>();
                    for (String text : embed.texts()) {
                        vectors.add(new Embedding(vector(text, call)));
                    }
                    return new EmbeddingResponse(vectors, embed.texts().size(), "capture-" + location);
                }

                @Override
                public void close() {
                    closed.add("embedding:" + location);
                }
            };
        }
    }

    private static float[] vector(String text, int call) {
        float[] vector = new float[8];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            vector[Math.floorMod(word.hashCode(), 7)] += 1.25f;
        }
        vector[7] = call / 3f;
        return vector;
    }
}
