package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Checks the scan of global options and the command name that happens before picocli parses. */
class EarlyArgumentsTest {

    @Test
    void findsTheCommandAfterGlobalOptions() {
        EarlyArguments early = EarlyArguments.scan(new String[] {"--plugins-dir", "a", "--plugins-dir=b", "run", "x.yaml"});

        assertThat(early.commandName()).contains("run");
        assertThat(early.pluginDirs()).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(early.verbose()).isFalse();
    }

    @Test
    void findsGlobalOptionsAfterTheCommandButNotAfterDoubleDash() {
        EarlyArguments early = EarlyArguments.scan(new String[] {"doctor", "--verbose", "--", "--plugins-dir", "c"});

        assertThat(early.commandName()).contains("doctor");
        assertThat(early.verbose()).isTrue();
        assertThat(early.pluginDirs()).isEmpty();
    }

    @Test
    void notesAVersionRequestWithoutACommand() {
        EarlyArguments early = EarlyArguments.scan(new String[] {"-V"});

        assertThat(early.commandName()).isEmpty();
        assertThat(early.versionRequested()).isTrue();
    }
}
