package dev.polis.openai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.host.UnknownExtensionException;
import dev.polis.api.run.RunContext;

/**
 * Opens the guard {@code polis serve --guards <file>} puts in front of the served model: the file (YAML or JSON)
 * is the guard's configuration block, {@code guard} naming its provider (default {@code guard.chain}, whose
 * {@code guards} list the members). Every error names the file.
 */
final class ServedGuards {

    /** The guard provider used when the file names none. */
    static final String DEFAULT_PROVIDER = "guard.chain";

    private ServedGuards() {
    }

    /** Returns the guard configured in {@code file}, for {@code run}; the caller closes it. */
    static Guard open(Path file, Extensions extensions, SettingsFactory factory, RunContext run) {
        if (extensions == null || factory == null) {
            throw new InvalidInputException("--guards " + file + ": no guard providers are available here; run "
                    + "polis serve through the polis host");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--guards " + file + ": no such file; give a YAML file such as "
                    + "'guards: [{id: spotlight}, {id: injection}, {id: leak}]'");
        }
        Settings settings = factory.read(file);
        String id = settings.string("guard", DEFAULT_PROVIDER);
        GuardProvider provider;
        try {
            provider = extensions.get(GuardProvider.class, id);
        } catch (UnknownExtensionException e) {
            throw new InvalidInputException("--guards " + file + ": guard: unknown guard provider '" + id
                    + "' (installed: " + String.join(", ", extensions.ids(GuardProvider.class)) + ")", e);
        }
        try {
            return provider.create(new GuardContext(settings, run));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--guards " + file + ": " + e.getMessage(), e);
        }
    }
}
