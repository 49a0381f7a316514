/** The {@code polis serve} command. */
package dev.polis.openai.cli;
