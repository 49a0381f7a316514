/**
 * Parsers for the LLM agent's model answers: harvest amounts, importance ratings, chat turns, insights,
 * chat thoughts and the agreed limit. Each parser is pure, never throws on model text, and says how it
 * reached its result so that malformed answers land in the run's records.
 */
package dev.polis.govsim.agent.llm.parse;
