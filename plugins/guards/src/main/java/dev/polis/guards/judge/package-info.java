/** The optional LLM judge: a chat model asked about texts the cheap detectors are unsure of. */
package dev.polis.guards.judge;
