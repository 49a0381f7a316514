/**
 * The runtime's commands: {@code polis generate} and {@code polis model init|info}.
 */
package dev.polis.runtime.cli;
