/** Output-side leak detection: canary tokens, word-trigram overlap and content-word coverage of the system prompt. */
package dev.polis.guards.leak;
