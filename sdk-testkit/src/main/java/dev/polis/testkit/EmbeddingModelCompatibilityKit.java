package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import org.apiguardian.api.API;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of an {@link EmbeddingModelProvider} and the models it creates: one vector per text in
 * order, one dimension for every vector, the same vectors for the same texts, queries and documents both
 * accepted, and an idempotent close.
 *
 * <p>Supply the provider through {@link #createProvider()} and a spec it answers through {@link #spec()};
 * override {@link #texts()} for models that only answer certain texts (a replay model, for example) and
 * {@link #tolerance()} for models whose vectors vary slightly between calls (a GPU model). Provider ids are the
 * provider part of a spec ({@code openai}), so they need no namespace.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class EmbeddingModelCompatibilityKit extends ExtensionCompatibilityKit<EmbeddingModelProvider> {

    private final List<EmbeddingModel> created = new ArrayList<>();

    /** Returns a new instance of the provider under test. */
    protected abstract EmbeddingModelProvider createProvider();

    /** Returns a spec the provider answers, {@code provider:location#model}. */
    protected abstract String spec();

    @Override
    protected final EmbeddingModelProvider createExtension() {
        return createProvider();
    }

    @Override
    protected boolean idMustBeNamespaced() {
        return false;
    }

    /** Returns at least two different texts the model can embed; three short sentences unless overridden. */
    protected List<String> texts() {
        return List.of("The lake holds fewer fish every spring.",
                "Villagers vote on a quota at the harbour meeting.",
                "A storm closed the mountain road for a week.");
    }

    /** Returns the largest difference allowed between components of two vectors of one text; 1e-5 unless overridden. */
    protected double tolerance() {
        return 1e-5;
    }

    /** Returns a model the provider under test creates from {@link #spec()}; the kit closes it after each test. */
    protected final EmbeddingModel createModel() {
        EmbeddingModel model = createProvider().create(ModelRequest.of(spec()));
        assertThat(model).as("the model %s created for %s", createProvider().id(), spec()).isNotNull();
        created.add(model);
        return model;
    }

    @AfterEach
    void closeModels() {
        created.forEach(EmbeddingModel::close);
        created.clear();
    }

    @Test
    public void oneVectorPerTextInOrder() {
        EmbeddingModel model = createModel();
        List<String> texts = texts();
        List<Embedding> batch = embed(model, texts, InputKind.DOCUMENT);
        assertThat(batch).as("vectors for %d texts", texts.size()).hasSize(texts.size());
        List<Embedding> single = texts.stream().map(text -> embed(model, List.of(text), InputKind.DOCUMENT).get(0))
                .toList();
        for (int i = 0; i < texts.size(); i++) {
            int closest = closest(batch.get(i), single);
            assertThat(closest).as("vector %d of the batch should be closest to '%s' embedded alone, but is closest "
                    + "to '%s'", i, texts.get(i), texts.get(closest)).isEqualTo(i);
        }
    }

    @Test
    public void allVectorsHaveOneDimensionAboveZero() {
        List<Embedding> vectors = new ArrayList<>(embed(createModel(), texts(), InputKind.DOCUMENT));
        vectors.addAll(embed(createModel(), texts(), InputKind.QUERY));
        int dimensions = vectors.get(0).dimensions();
        assertThat(dimensions).as("dimensions of the first vector").isPositive();
        assertThat(vectors).as("dimensions of every document and query vector")
                .allSatisfy(vector -> assertThat(vector.dimensions()).isEqualTo(dimensions));
    }

    @Test
    public void sameTextsGiveTheSameVectors() {
        EmbeddingModel model = createModel();
        List<Embedding> first = embed(model, texts(), InputKind.DOCUMENT);
        List<Embedding> second = embed(model, texts(), InputKind.DOCUMENT);
        List<Embedding> otherModel = embed(createModel(), texts(), InputKind.DOCUMENT);
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i), second.get(i), "'" + texts().get(i) + "' embedded twice");
            assertSame(first.get(i), otherModel.get(i), "'" + texts().get(i) + "' embedded by a second model");
        }
    }

    @Test
    public void queriesAndDocumentsAreBothAccepted() {
        EmbeddingModel model = createModel();
        String text = texts().get(0);
        assertThat(embed(model, List.of(text), InputKind.QUERY)).as("vectors for '%s' as a query", text).hasSize(1);
        assertThat(embed(model, List.of(text), InputKind.DOCUMENT)).as("vectors for '%s' as a document", text)
                .hasSize(1);
    }

    @Test
    public void aRequestWithoutTextsNeverReachesTheModel() {
        assertThatThrownBy(() -> new EmbeddingRequest(List.of(), InputKind.DOCUMENT, Map.of()))
                .as("an embedding request without texts").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void closeCanBeCalledTwice() {
        EmbeddingModel model = createProvider().create(ModelRequest.of(spec()));
        model.embed(EmbeddingRequest.documents(List.of(texts().get(0))));
        model.close();
        model.close();
    }

    private static List<Embedding> embed(EmbeddingModel model, List<String> texts, InputKind kind) {
        EmbeddingResponse response = model.embed(new EmbeddingRequest(texts, kind, Map.of()));
        assertThat(response).as("response to %d %s texts", texts.size(), kind).isNotNull();
        assertThat(response.embeddings()).as("vectors for %d %s texts", texts.size(), kind).hasSize(texts.size());
        return response.embeddings();
    }

    /** Returns the index of the vector of {@code candidates} most like {@code vector}; other dimensions are unlike. */
    private static int closest(Embedding vector, List<Embedding> candidates) {
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            Embedding candidate = candidates.get(i);
            double similarity = candidate.dimensions() == vector.dimensions() ? vector.cosine(candidate) : -2;
            if (similarity > bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    private void assertSame(Embedding expected, Embedding actual, String what) {
        float[] a = expected.vector();
        float[] b = actual.vector();
        assertThat(b.length).as("dimensions of %s", what).isEqualTo(a.length);
        for (int i = 0; i < a.length; i++) {
            assertThat((double) b[i]).as("component %d of %s", i, what)
                    .isCloseTo(a[i], Offset.offset(tolerance()));
        }
    }
}
