package dev.polis.govsim.agent.llm.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import org.junit.jupiter.api.Test;

class EmbeddingRelevanceTest {

    /** Embeds a text as (count of 'a', count of 'b'), and keeps every request. */
    private static final class LetterModel implements EmbeddingModel {
        final List<EmbeddingRequest> requests = new ArrayList<>();

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            requests.add(request);
            return new EmbeddingResponse(request.texts().stream().map(t -> new Embedding(new float[] {
                    t.chars().filter(c -> c == 'a').count() + 0.001f, t.chars().filter(c -> c == 'b').count()}))
                    .toList(), 0, "letters");
        }
    }

    @Test
    void scoresAreCosinesOfTheModelsVectors() {
        LetterModel model = new LetterModel();
        EmbeddingRelevance relevance = new EmbeddingRelevance(model, Map.of("agent", "persona_0"));

        double[] scores = relevance.score("aaa", List.of("a", "bbbb"));

        assertThat(scores[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(scores[1]).isLessThan(0.01);
    }

    @Test
    void documentsAreEmbeddedOnceAndQueriesAsQueries() {
        LetterModel model = new LetterModel();
        EmbeddingRelevance relevance = new EmbeddingRelevance(model, Map.of("agent", "persona_0"));

        relevance.score("ab", List.of("a", "b"));
        relevance.score("ba", List.of("a", "b", "ab"));

        assertThat(model.requests).extracting(EmbeddingRequest::kind)
                .containsExactly(InputKind.DOCUMENT, InputKind.QUERY, InputKind.DOCUMENT, InputKind.QUERY);
        assertThat(model.requests.get(2).texts()).containsExactly("ab");
        assertThat(model.requests.get(0).metadata()).containsEntry("agent", "persona_0");
    }

    @Test
    void aBlankQueryCostsNoCall() {
        LetterModel model = new LetterModel();

        assertThat(new EmbeddingRelevance(model, Map.of()).score(" ", List.of("a"))).containsExactly(0.0);
        assertThat(model.requests).isEmpty();
    }
}
