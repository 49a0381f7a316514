/** The {@code polis govsim} command. */
package dev.polis.govsim.cli;
