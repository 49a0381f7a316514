/** The checks that {@code polis doctor} runs itself, before and after those that plugins contribute. */
package dev.polis.core.cli.doctor;
