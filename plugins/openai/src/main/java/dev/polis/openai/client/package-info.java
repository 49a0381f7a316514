/** The chat-completions client: options, retries, server-sent events, per-endpoint limits. */
package dev.polis.openai.client;
