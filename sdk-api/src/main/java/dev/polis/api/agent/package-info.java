/** Agents: policies and language-model agents that turn observations into actions. */
package dev.polis.api.agent;
