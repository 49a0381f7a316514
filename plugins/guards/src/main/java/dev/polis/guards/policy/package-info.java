/** What higher-privilege instructions rule out, and where lower-privilege text conflicts with it. */
package dev.polis.guards.policy;
