/** Checks that {@code polis doctor} runs: plugins report whether what they need is present. */
package dev.polis.api.diagnostics;
