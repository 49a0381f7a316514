package dev.polis.api.host;

import java.nio.file.Path;
import java.util.Map;
import dev.polis.api.Settings;
import org.apiguardian.api.API;

/**
 * Makes {@link Settings} the way the host makes them for configuration blocks, so that a plugin's own files
 * and option maps report bad fields exactly like pipeline files do (file, line, field path, fix).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface SettingsFactory {

    /**
     * Returns settings over values built in code, reported as the block at {@code path}.
     *
     * @param values the block; {@code null} means empty
     * @param path   where the block sits ({@code runtime.settings.decoder.self-speculative}), for messages
     */
    Settings of(Map<String, ?> values, String path);

    /**
     * Reads a YAML ({@code .yaml}, {@code .yml}) or JSON file into settings; {@code ${NAME}} and
     * {@code ${NAME:-default}} are substituted from the environment first.
     *
     * @throws dev.polis.api.InvalidInputException when the file is missing, unreadable or malformed; the
     *                                             message names the file and line
     */
    Settings read(Path file);
}
