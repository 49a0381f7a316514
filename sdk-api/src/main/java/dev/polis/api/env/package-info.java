/** Environments agents act in: observations, actions, steps, and the providers that create them. */
package dev.polis.api.env;
