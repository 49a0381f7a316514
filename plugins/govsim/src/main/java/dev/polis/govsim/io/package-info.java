/** Exchange with the original Python GovSim: export to and import from its {@code log_env.json} layout. */
package dev.polis.govsim.io;
