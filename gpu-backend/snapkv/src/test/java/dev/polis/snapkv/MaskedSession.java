package dev.polis.snapkv;

import java.util.Arrays;
import java.util.function.Function;
import dev.polis.api.inference.LmSession;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;

/**
 * A float64 reference session whose tokens after the prompt see, in each layer and key/value head, only the prompt
 * keys a choice made from the prompt keeps (all of them when the choice is null): the full-cache model with the
 * dropped keys masked. Each append recomputes the whole sequence.
 */
final class MaskedSession implements LmSession {

    private final TinyCheckpoint checkpoint;
    private final ReferenceForward forward;
    private final Function<int[], int[][][]> choice;
    private int[] tokens = new int[0];
    private int prompt = -1;
    private boolean[][][] visible;

    /** Creates the session; {@code choice} gives, from the prompt, the kept positions {@code [layer][kvHead][]}. */
    MaskedSession(TinyCheckpoint checkpoint, ReferenceForward forward, Function<int[], int[][][]> choice) {
        this.checkpoint = checkpoint;
        this.forward = forward;
        this.choice = choice;
    }

    @Override
    public float[][] append(int[] more) {
        int start = tokens.length;
        tokens = Arrays.copyOf(tokens, start + more.length);
        System.arraycopy(more, 0, tokens, start, more.length);
        if (prompt < 0) {
            prompt = more.length;
            int[][][] kept = choice.apply(more);
            if (kept != null) {
                visible = new boolean[kept.length][kept[0].length][prompt];
                for (int l = 0; l < kept.length; l++) {
                    for (int h = 0; h < kept[l].length; h++) {
                        for (int position : kept[l][h]) {
                            visible[l][h][position] = true;
                        }
                    }
                }
            }
        }
        double[][] all = forward.logits(tokens, (layer, kvHead, query, key) ->
                visible == null || query < prompt || key >= prompt || visible[layer][kvHead][key]);
        float[][] rows = new float[more.length][checkpoint.vocab];
        for (int r = 0; r < more.length; r++) {
            for (int v = 0; v < checkpoint.vocab; v++) {
                rows[r][v] = (float) all[start + r][v];
            }
        }
        return rows;
    }

    @Override
    public int length() {
        return tokens.length;
    }

    @Override
    public void crop(int newLength) {
        tokens = Arrays.copyOf(tokens, newLength);
    }

    @Override
    public void close() {
    }
}
