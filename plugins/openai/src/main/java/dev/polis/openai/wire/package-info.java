/**
 * The OpenAI chat-completions and embeddings JSON formats, shared by the client and the server: requests,
 * responses, chunks, errors.
 */
package dev.polis.openai.wire;
