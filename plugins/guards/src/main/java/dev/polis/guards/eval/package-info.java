/** Evaluation suites (the development data's formats and a plain JSONL format), splits and detector metrics. */
package dev.polis.guards.eval;
