package dev.polis.core.cli;

import dev.polis.core.plugin.PolisVersion;
import picocli.CommandLine.IVersionProvider;

/** Supplies the text of {@code polis --version}: the Polis version and the Java runtime it runs on. */
final class PolisVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "polis " + PolisVersion.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home")
        };
    }
}
