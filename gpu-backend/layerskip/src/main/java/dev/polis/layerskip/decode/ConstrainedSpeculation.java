package dev.polis.layerskip.decode;

import java.util.Set;
import dev.polis.api.inference.TokenConstraint;

/**
 * Holds a {@link Speculation} to a token constraint: each draft is chosen from early-exit logits masked at the
 * drafts' own position, and each row the full model verifies with is masked at its position (after the committed
 * tokens and the drafts before it), so drafts, corrections and bonus tokens all obey the constraint while greedy
 * and speculative sampling keep their guarantees over the masked distributions.
 */
final class ConstrainedSpeculation implements Speculation {

    private final Speculation inner;
    private final TokenConstraint.Cursor cursor;
    private final Set<Integer> stops;
    private int committed;

    ConstrainedSpeculation(Speculation inner, TokenConstraint.Cursor cursor, Set<Integer> stops) {
        this.inner = inner;
        this.cursor = cursor;
        this.stops = stops;
    }

    @Override
    public int draft(float[] draftLogits) {
        cursor.mask(draftLogits);
        int token = inner.draft(draftLogits);
        if (!stops.contains(token)) {
            cursor.accept(token);
        }
        return token;
    }

    @Override
    public Verdict verify(int[] drafts, float[][] draftLogits, float[][] fullLogits) {
        cursor.rewind(committed);
        for (int i = 0; i < fullLogits.length; i++) {
            cursor.mask(fullLogits[i]);
            // Rows after a stop draft (always the last draft) are never emitted, so they stay as they are.
            if (i == drafts.length || stops.contains(drafts[i]) || !cursor.accept(drafts[i])) {
                break;
            }
        }
        Verdict verdict = inner.verify(drafts, draftLogits, fullLogits);
        cursor.rewind(committed);
        for (int i = 0; i < verdict.accepted(); i++) {
            cursor.accept(drafts[i]);
        }
        if (!stops.contains(verdict.next())) {
            cursor.accept(verdict.next());
        }
        committed = cursor.length();
        return verdict;
    }
}
