/** The {@code polis guard} command: {@code train} the injection classifier, {@code eval} the guards. */
package dev.polis.guards.cli;
