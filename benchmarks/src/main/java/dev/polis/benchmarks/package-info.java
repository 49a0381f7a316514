/** JMH benchmarks of Polis; every figure in docs/benchmarks.md comes from one of these, with its command. */
package dev.polis.benchmarks;
