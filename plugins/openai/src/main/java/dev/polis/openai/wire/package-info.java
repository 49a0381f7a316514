/** The OpenAI chat-completions JSON format, shared by the client and the server: requests, responses, chunks, errors. */
package dev.polis.openai.wire;
