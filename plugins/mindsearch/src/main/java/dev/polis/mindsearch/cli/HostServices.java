package dev.polis.mindsearch.cli;

import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.RunFolders;
import dev.polis.api.host.SettingsFactory;

/**
 * The host's services the commands use.
 *
 * @param models     the one road to a chat model (records calls in the run folder)
 * @param folders    run folders in the host's format
 * @param extensions search backends and guards by id
 * @param settings   configuration blocks for them
 */
record HostServices(Models models, RunFolders folders, Extensions extensions, SettingsFactory settings) {
}
