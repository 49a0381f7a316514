/** The guards themselves (injection, leak, spotlight) and the chain that runs them in order and records verdicts. */
package dev.polis.guards.chain;
