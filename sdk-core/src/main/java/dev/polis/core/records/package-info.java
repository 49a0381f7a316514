/**
 * Crash-safe run records: append-only line files that hold whole lines or nothing, files replaced atomically, a
 * checkpoint that says which records a saved state covers, and one writer per run folder.
 */
package dev.polis.core.records;
