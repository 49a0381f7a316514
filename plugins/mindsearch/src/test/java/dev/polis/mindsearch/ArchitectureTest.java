package dev.polis.mindsearch;

import dev.polis.testkit.PluginArchitectureKit;

/** Holds this plugin to the plugin rules: sdk-api only, no package cycle. */
class ArchitectureTest extends PluginArchitectureKit {

    @Override
    protected String rootPackage() {
        return "dev.polis.mindsearch";
    }
}
