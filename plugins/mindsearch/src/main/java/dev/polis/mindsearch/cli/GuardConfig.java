package dev.polis.mindsearch.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.run.RunContext;

/**
 * One guard to open for each question: a {@code GuardProvider} id and its configuration block, from {@code --guard
 * ID} (an empty block) or {@code --guards FILE} (the file's block; its {@code guard} key names the provider,
 * {@code guard.chain} by default, as for {@code polis serve --guards}).
 *
 * @param id       the provider's id
 * @param settings its block
 * @param origin   the option it came from, for messages
 */
record GuardConfig(String id, Settings settings, String origin) {

    /** The provider a guards file names when it has no {@code guard} key. */
    static final String DEFAULT_PROVIDER = "guard.chain";

    /** Opens the guard for {@code run}; the caller closes it. Errors name the option. */
    Guard open(Extensions extensions, RunContext run) {
        try {
            return extensions.get(GuardProvider.class, id).create(new GuardContext(settings, run));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(origin + ": " + e.getMessage(), e);
        }
    }
}
