/**
 * The LLM agent's memory stream: dated nodes with an importance score, expiry and an always-remember flag,
 * following GovSim's adaptation of generative agents (spec §6.1).
 */
package dev.polis.govsim.agent.llm.memory;
