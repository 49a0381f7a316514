package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCachePolicySeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prompt attended in blocks of query rows (a small {@link LoadOptions#attentionFloats()}) gives the float64
 * reference's logits for every row, with the causal mask and with a cache whose heads kept different positions; the
 * block size follows the bound.
 */
class QueryBlocksTest {

    private static final int PROMPT = 150;

    @TempDir
    Path folder;

    @Test
    void aPromptAttendedInBlocksOfQueryRowsMatchesTheReferenceOnEveryRow() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.writeTo(folder);
        int[] prompt = tokens(PROMPT, checkpoint.vocab, 3);
        double[][] expected = new ReferenceForward(checkpoint).logits(prompt);
        LoadOptions blocked = LoadOptions.DEFAULTS.withAttentionFloats(1);
        try (TransformerLm lm = TransformerLm.load(folder, blocked);
             TransformerSession session = lm.newSession()) {
            ReferenceLogitsTest.assertClose(session.append(prompt), expected);
        }
    }

    @Test
    void blocksOverACacheWhoseHeadsKeptDifferentPositionsMatchTheReferenceMaskedPerHead() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.writeTo(folder);
        int[] first = tokens(12, checkpoint.vocab, 5);
        int[] more = tokens(PROMPT, checkpoint.vocab, 6);
        int[] all = new int[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        int n = first.length;
        double[][] expected = new ReferenceForward(checkpoint).logits(all,
                (ReferenceForward.HeadMask) (head, query, key) -> query < n || key >= n || key % 2 == head);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS.withAttentionFloats(1))) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(event -> {
                if (event.phase() == AppendPhase.PROMPT) {
                    PerHeadPositionsTest.keepByParity(event.cache(), event.session().stepManager());
                }
            });
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(first);
                assertThat(session.cache(0).headsShareSlots()).isFalse();
                float[][] rows = session.append(more);
                ReferenceLogitsTest.assertClose(rows, Arrays.copyOfRange(expected, n, all.length));
            }
        }
    }

    @Test
    void aQuerySeesTheSlotsUpToItsOwnPositionWhenSlotsAreInOrderAndNoPrefixOtherwise() {
        // slots hold positions 0..4 and 7, 8 (5 and 6 were dropped); queries at 7, 8 and 9 (9 not cached yet)
        assertThat(QueryBlocks.visiblePrefix(new int[] {0, 1, 2, 3, 4, 7, 8}, new int[] {7, 8, 9}))
                .containsExactly(6, 7, 7);
        assertThat(QueryBlocks.visiblePrefix(new int[] {0, 1, 2}, new int[] {0, 1, 2})).containsExactly(1, 2, 3);
        assertThat(QueryBlocks.visiblePrefix(new int[] {0, 2, 1}, new int[] {2})).isNull();
    }

    @Test
    void theBlockIsEveryRowWithinTheBoundAndAnAlignedShareBeyondIt() {
        assertThat(QueryBlocks.rows(1L << 26, 9, 512, 512)).isEqualTo(512);
        assertThat(QueryBlocks.rows(1L << 26, 9, 16_384, 16_384)).isEqualTo(448);
        assertThat(QueryBlocks.rows(1L << 26, 9, 16_384, 16_384) % QueryBlocks.ALIGN).isZero();
        assertThat(QueryBlocks.rows(1, 9, 150, 150)).isEqualTo(QueryBlocks.ALIGN);
        assertThat(QueryBlocks.rows(1, 9, 40, 40)).isEqualTo(40);
    }

    private static int[] tokens(int count, int vocab, long seed) {
        return new SplittableRandom(seed).ints(count, 0, vocab).toArray();
    }
}
