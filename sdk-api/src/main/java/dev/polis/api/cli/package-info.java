/** Contributions to the {@code polis} command line. */
package dev.polis.api.cli;
