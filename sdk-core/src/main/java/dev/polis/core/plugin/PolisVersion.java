package dev.polis.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Tells the version of this Polis build, against which plugins' {@code plugin.requires} is checked. */
public final class PolisVersion {

    private static final String VERSION = load();

    private PolisVersion() {
    }

    /** Returns the version of this build, for example {@code 0.1.0}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PolisVersion.class.getResourceAsStream("/dev/polis/core/polis-version.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Polis version resource", e);
        }
    }
}
