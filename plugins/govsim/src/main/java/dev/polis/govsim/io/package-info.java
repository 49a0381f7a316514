/**
 * Files: the plugin's JSON records ({@link dev.polis.govsim.io.Json}, atomic writes), and the exchange with the
 * original Python GovSim: export to and import from its {@code log_env.json} layout.
 */
package dev.polis.govsim.io;
