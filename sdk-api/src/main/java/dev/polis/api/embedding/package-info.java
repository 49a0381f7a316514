/**
 * Embedding models: texts to vectors, for retrieval by meaning (agent memories, search), and the providers
 * that resolve an embedding model spec.
 */
package dev.polis.api.embedding;
