/** An OpenAI-compatible HTTP server over any chat model, on the JDK's {@code com.sun.net.httpserver}. */
package dev.polis.openai.server;
