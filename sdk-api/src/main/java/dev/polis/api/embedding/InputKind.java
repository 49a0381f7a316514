package dev.polis.api.embedding;

import org.apiguardian.api.API;

/**
 * Says what the texts of an {@link EmbeddingRequest} are for, so that models trained with asymmetric
 * prompts (a query prefix such as "Represent this sentence for searching relevant passages: ") can add it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum InputKind {
    /** Texts that will be searched: memories, passages, pages. */
    DOCUMENT,
    /** Texts that search: questions, focal points. */
    QUERY
}
