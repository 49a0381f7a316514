package dev.polis.govsim.agent.llm.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.agent.llm.memory.MemoryStream;
import org.junit.jupiter.api.Test;

class RetrieverTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 1, 0);
    private static final Relevance NONE = (query, docs) -> new double[docs.size()];

    private final MemoryStream stream = new MemoryStream();

    private MemoryNode add(String text, int importance, int day) {
        return stream.add(MemoryKind.THOUGHT, text, T0.plusDays(day), T0.plusDays(100), importance, false);
    }

    @Test
    void importanceOutweighsRecencyAndResultsComeInCreationOrder() {
        MemoryNode old = add("old and dull", 1, 0);
        MemoryNode important = add("crucial", 10, 1);
        MemoryNode middling = add("middling", 6, 2);
        Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL, NONE);

        List<MemoryNode> top2 = retriever.retrieve(stream.retrievable(T0.plusDays(3)), List.of("x"), 2);

        assertThat(top2).containsExactly(important, middling);
        assertThat(top2).doesNotContain(old);
    }

    @Test
    void theOriginalRecencyFavoursTheOldestMemoryAndTheFixedOrderTheNewest() {
        MemoryNode first = add("first", 5, 0);
        add("second", 5, 1);
        MemoryNode third = add("third", 5, 2);
        List<MemoryNode> candidates = stream.retrievable(T0.plusDays(3));

        assertThat(new Retriever(RetrievalWeights.ORIGINAL, NONE).retrieve(candidates, List.of("q"), 1))
                .containsExactly(first);
        assertThat(new Retriever(RetrievalWeights.ORIGINAL.withOrder(RecencyOrder.NEWEST_FIRST), NONE)
                .retrieve(candidates, List.of("q"), 1)).containsExactly(third);
    }

    @Test
    void relevanceDecidesAmongEquals() {
        add("the weather was nice", 5, 0);
        MemoryNode lake = add("Kate caught too much fish from the lake", 5, 1);
        add("I bought bread", 5, 2);
        Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL, new TfIdfRelevance());

        assertThat(retriever.retrieve(stream.retrievable(T0.plusDays(3)), List.of("lake fish"), 1))
                .containsExactly(lake);
    }

    @Test
    void alwaysIncludedNodesComeFirstWhateverTheirScore() {
        add("a very important thought", 10, 0);
        MemoryNode pool = stream.add(MemoryKind.EVENT, "the lake holds 100 tons", T0.plusDays(1), T0.plusDays(30),
                10, true);
        Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL, (q, docs) -> new double[] {1.0, -1.0});

        double[] scores = retriever.scores(stream.retrievable(T0.plusDays(2)), new double[] {1.0, -1.0});

        assertThat(scores[1]).isEqualTo(scores[0] + 1);
        assertThat(retriever.retrieve(stream.retrievable(T0.plusDays(2)), List.of("q"), 1)).containsExactly(pool);
    }

    @Test
    void scoresFollowTheOriginalFormula() {
        add("a", 1, 0);
        add("b", 10, 1);
        Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL, NONE);

        double[] scores = retriever.scores(stream.retrievable(T0.plusDays(2)), new double[] {0.5, 0.0});

        assertThat(scores[0]).isCloseTo(0.5 * 1 + 3 * 0 + 2 * 0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores[1]).isCloseTo(0.5 * 0.99 + 3 * 1 + 0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void chatsAndExpiredNodesAreNeverCandidates() {
        stream.add(MemoryKind.CHAT, "summary of the chat", T0, T0.plusDays(63), 9, false);
        stream.add(MemoryKind.EVENT, "pool event", T0, T0.plusDays(30), 10, true);
        MemoryNode alive = add("alive", 3, 0);

        assertThat(stream.retrievable(T0.plusDays(30))).containsExactly(alive);
        assertThat(stream.all()).hasSize(3);
    }

    @Test
    void theTopOfEachFocalPointIsMergedWithoutDuplicates() {
        MemoryNode fish = add("fish in the lake", 5, 0);
        MemoryNode sheep = add("sheep on the pasture", 5, 1);
        add("bread at the market", 5, 2);
        Retriever retriever = new Retriever(RetrievalWeights.ORIGINAL, new TfIdfRelevance());

        List<MemoryNode> found = retriever.retrieve(stream.retrievable(T0.plusDays(3)),
                List.of("sheep pasture", "lake fish", "fish"), 1);

        assertThat(found).containsExactly(fish, sheep);
    }
}
