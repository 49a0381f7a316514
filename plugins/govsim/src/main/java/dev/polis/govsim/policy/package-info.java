/** Reference policies that need no model: baselines, mixed societies and tests. */
package dev.polis.govsim.policy;
