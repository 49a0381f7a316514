package dev.polis.runtime.decode;

import java.util.Random;
import java.util.Set;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;

/** A fake model whose logits are a fixed pseudo-random function of the last token: flat enough that sampling varies. */
final class RandomLm implements CausalLm {

    private final int vocabularySize;

    RandomLm(int vocabularySize) {
        this.vocabularySize = vocabularySize;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public Set<Integer> stopTokens() {
        return Set.of();
    }

    @Override
    public LmSession newSession() {
        return new LmSession() {
            private int length;

            @Override
            public float[][] append(int[] tokens) {
                float[][] rows = new float[tokens.length][];
                for (int i = 0; i < tokens.length; i++) {
                    Random random = new Random(tokens[i] * 31L + 7);
                    rows[i] = new float[vocabularySize];
                    for (int v = 0; v < vocabularySize; v++) {
                        rows[i][v] = (float) random.nextGaussian();
                    }
                }
                length += tokens.length;
                return rows;
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void crop(int newLength) {
                length = newLength;
            }

            @Override
            public void close() {
            }
        };
    }
}
