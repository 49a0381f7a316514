/** The {@code polis mindsearch} and {@code polis index} commands. */
package dev.polis.mindsearch.cli;
