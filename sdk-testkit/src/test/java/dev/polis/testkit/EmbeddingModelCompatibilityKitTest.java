package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class EmbeddingModelCompatibilityKitTest {

    @Test
    void aWordHashingModelPasses() {
        assertThat(KitRunner.failures(Hashing.class)).isEmpty();
    }

    @Test
    void aModelThatReversesItsVectorsAndFailsOnSecondCloseFails() {
        assertThat(KitRunner.failures(Shuffled.class)).containsOnlyKeys("oneVectorPerTextInOrder",
                "closeCanBeCalledTwice");
    }

    @Test
    void aModelWhoseDimensionDependsOnTheTextFails() {
        assertThat(KitRunner.failures(Ragged.class)).containsOnlyKeys("allVectorsHaveOneDimensionAboveZero");
    }

    @Test
    void aNoisyModelThatRefusesQueriesFails() {
        assertThat(KitRunner.failures(Careless.class)).containsOnlyKeys("sameTextsGiveTheSameVectors",
                "queriesAndDocumentsAreBothAccepted", "allVectorsHaveOneDimensionAboveZero");
    }

    /** Counts each word into one of {@code dimensions} buckets by its hash: a bag of words, stable across runs. */
    static float[] hashed(String text, int dimensions) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
            }
        }
        vector[0] += 0.5f;
        return vector;
    }

    /** Creates {@link Model}s whose dimension is the spec's location ({@code hash:16}). */
    @org.pf4j.Extension
    static class HashingProvider implements EmbeddingModelProvider {
        @Override
        public String id() {
            return "hash";
        }

        @Override
        public EmbeddingModel create(ModelRequest request) {
            int dimensions = Integer.parseInt(request.spec().location());
            return new Model(text -> hashed(text, dimensions));
        }
    }

    /** Embeds each text of a request with {@code vectors}, in order. */
    static class Model implements EmbeddingModel {
        private final Function<String, float[]> vectors;

        Model(Function<String, float[]> vectors) {
            this.vectors = vectors;
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            List<Embedding> embeddings = new ArrayList<>();
            for (String text : request.texts()) {
                embeddings.add(new Embedding(vectors.apply(text)));
            }
            return new EmbeddingResponse(embeddings, request.texts().size(), "hash");
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Hashing extends EmbeddingModelCompatibilityKit {
        @Override
        protected EmbeddingModelProvider createProvider() {
            return new HashingProvider();
        }

        @Override
        protected String spec() {
            return "hash:64";
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Shuffled extends Hashing {
        @Override
        protected EmbeddingModelProvider createProvider() {
            return new HashingProvider() {
                @Override
                public EmbeddingModel create(ModelRequest request) {
                    EmbeddingModel inner = super.create(request);
                    return new EmbeddingModel() {
                        private boolean closed;

                        @Override
                        public EmbeddingResponse embed(EmbeddingRequest request) {
                            List<Embedding> reversed = new ArrayList<>(inner.embed(request).embeddings());
                            Collections.reverse(reversed);
                            return new EmbeddingResponse(reversed, 0, "hash");
                        }

                        @Override
                        public void close() {
                            if (closed) {
                                throw new IllegalStateException("already closed");
                            }
                            closed = true;
                        }
                    };
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Ragged extends Hashing {
        @Override
        protected EmbeddingModelProvider createProvider() {
            return new HashingProvider() {
                @Override
                public EmbeddingModel create(ModelRequest request) {
                    return new Model(text -> hashed(text, 16 + text.length() % 7));
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Careless extends Hashing {
        @Override
        protected EmbeddingModelProvider createProvider() {
            return new HashingProvider() {
                @Override
                public EmbeddingModel create(ModelRequest request) {
                    Random random = new Random();
                    Model noisy = new Model(text -> {
                        float[] vector = hashed(text, 64);
                        vector[1] += (float) (0.01 + random.nextDouble() * 0.01);
                        return vector;
                    });
                    return embeddingRequest -> {
                        if (embeddingRequest.kind() == InputKind.QUERY) {
                            throw new UnsupportedOperationException("queries are not supported");
                        }
                        return noisy.embed(embeddingRequest);
                    };
                }
            };
        }
    }
}
