/** Output-side leak detection: canary tokens and n-gram overlap with the system prompt. */
package dev.polis.guards.leak;
