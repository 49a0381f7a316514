/** Benchmarks of the guards plugin: the guard chain's latency per message. */
package dev.polis.benchmarks.guards;
