/**
 * Memory retrieval for the LLM agent: the original's score (0.5·recency + 3·importance + 2·relevance, spec
 * §6.2) with relevance from a lexical TF-IDF cosine by default or from an
 * {@link dev.polis.api.embedding.EmbeddingModel} when one is configured.
 */
package dev.polis.govsim.agent.llm.retrieval;
