/**
 * The contract between a GovSim environment and its agents: what each phase of a month tells an agent and what
 * the agent answers.
 *
 * <p>A month runs {@link dev.polis.govsim.protocol.Phase#HARVEST} (every present agent decides at once),
 * {@link dev.polis.govsim.protocol.Phase#OUTCOME} (each agent learns its own catch),
 * {@link dev.polis.govsim.protocol.Phase#DISCUSSION} (a group chat opened by the mayor's report, then the framework
 * model's summary and agreed-limit extraction) and {@link dev.polis.govsim.protocol.Phase#REFLECTION}. Types here
 * only grow: new record components come with a compatible constructor, new interface methods with a default.
 */
package dev.polis.govsim.protocol;
