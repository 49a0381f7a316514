/**
 * The chat-completions and embeddings clients and what they share: options, API keys, retries, per-endpoint
 * limits; and, for chat, server-sent events.
 */
package dev.polis.openai.client;
