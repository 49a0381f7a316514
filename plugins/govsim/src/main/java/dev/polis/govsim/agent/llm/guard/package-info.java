/** Guards on what other agents say: their chat lines pass a configured guard before they reach the agent's model. */
package dev.polis.govsim.agent.llm.guard;
