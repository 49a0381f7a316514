/**
 * The LLM agent's prompts: a tiny template syntax, a library of built-in prompt files that a folder of the
 * user's can override, and the builders that turn rendered prompts into messages with explicit roles and
 * privileges.
 */
package dev.polis.govsim.agent.llm.prompt;
