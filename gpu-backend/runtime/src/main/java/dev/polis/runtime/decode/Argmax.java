package dev.polis.runtime.decode;

/** Chooses the most likely token; ties go to the lowest id, so the choice is deterministic. */
public final class Argmax implements TokenChooser {

    @Override
    public int choose(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
