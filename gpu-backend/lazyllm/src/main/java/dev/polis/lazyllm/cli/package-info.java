/** {@code polis lazyllm}: the synthetic retrieval corpus and prompts, and the calibration bench. */
package dev.polis.lazyllm.cli;
