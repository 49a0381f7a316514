/**
 * The {@code polis} command line: {@link dev.polis.core.cli.PolisCli} and the core subcommands
 * ({@code plugins}, {@code doctor}, {@code run}); plugins add theirs through
 * {@link dev.polis.api.cli.CommandProvider}.
 */
package dev.polis.core.cli;
