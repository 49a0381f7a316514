package dev.polis.core.calls;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import org.pf4j.Extension;

/**
 * Provides the {@code replay} embedding model: {@code replay:runs/r1/calls.jsonl} answers a run's embedding
 * requests with the vectors recorded in that file, so that a run whose agents embed text can be re-executed
 * offline. Option {@code recordedSpec} keeps only the calls recorded for one model spec.
 */
@Extension
public final class ReplayEmbeddingModelProvider implements EmbeddingModelProvider {

    @Override
    public String id() {
        return ReplayChatModelProvider.ID;
    }

    @Override
    public String description() {
        return "Answers with the vectors of a recorded calls.jsonl, failing on the first request that differs";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("deterministic");
    }

    @Override
    public EmbeddingModel create(ModelRequest request) {
        ModelSpec spec = request.spec();
        Path file = ReplayChatModelProvider.recording(spec);
        List<EmbeddingCallRecord> records = CallRecords.readEmbeddings(file).stream()
                .filter(r -> r.error() == null).toList();
        Object filter = spec.options().get("recordedSpec");
        if (filter != null) {
            String wanted = SpecRedaction.redact(ModelSpec.parse(String.valueOf(filter))).toString();
            records = records.stream().filter(r -> r.spec().equals(wanted)).toList();
        }
        if (records.isEmpty()) {
            throw new InvalidInputException(file + " holds no successful embedding call"
                    + (filter == null ? "" : " recorded for '" + filter + "'")
                    + "; record a run whose agents use an embedder, or use a 'lexical' retriever");
        }
        return new ReplayEmbeddingModel(ReplayChatModelProvider.ID + ":" + file, records);
    }
}
