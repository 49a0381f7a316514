/** Sweeps: seeds × scenarios × experiments × societies, run in parallel, recorded as they go, resumable. */
package dev.polis.govsim.sweep;
