package dev.polis.guards.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.run.EventSink;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injection guard's {@code model} setting: a classifier file written by {@code polis guard train} replaces the
 * shipped one (how {@code polis guard eval --target --model} measures a held-out split's own model), and a file
 * that is not one is an error naming the setting and the fix.
 */
class ClassifierSettingTest {

    @TempDir
    Path dir;

    private static final Message NOTICE = Message.tool("Library notice: the reading room closes at six on Fridays "
            + "and opens again on Monday morning.", "page");

    private static GuardChain chain(Map<String, Object> injection) {
        return GuardChain.from(TestSettings.of("guards", List.of(injection)), EventSink.discarding());
    }

    @Test
    void aClassifierFileIsWhatTheGuardScoresWith() throws Exception {
        Path everythingIsAnAttack = Files.writeString(dir.resolve("always.txt"), "# test\nbits 8\nbias 20\n");
        try (GuardChain shipped = chain(Map.of("id", "injection"));
             GuardChain trained = chain(Map.of("id", "injection", "model", everythingIsAnAttack.toString()))) {
            GuardRequest request = new GuardRequest(NOTICE, Boundary.TOOL_OUTPUT, List.of());
            assertThat(shipped.inspect(request).decision()).isEqualTo(Decision.ALLOW);
            assertThat(trained.inspect(request).decision()).isEqualTo(Decision.NEUTRALISE);
        }
    }

    @Test
    void aFileThatIsNotAClassifierIsAnErrorNamingTheSettingAndTheFix() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\n");
        assertThatThrownBy(() -> chain(Map.of("id", "injection", "model", notes.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("guards[0].model: cannot read the classifier '" + notes + "' (")
                .hasMessageContaining("notes.txt:1: expected 'bits N'")
                .hasMessageEndingWith("give a file written by 'polis guard train --out', or leave the setting out "
                        + "for the shipped model");
        Path missing = dir.resolve("nosuch.txt");
        assertThatThrownBy(() -> chain(Map.of("id", "injection", "model", missing.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("guards[0].model: cannot read the classifier '" + missing + "'");
    }
}
