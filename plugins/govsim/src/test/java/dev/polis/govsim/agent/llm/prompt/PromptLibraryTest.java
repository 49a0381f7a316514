package dev.polis.govsim.agent.llm.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.protocol.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    @Test
    void everyScenarioHasEveryBuiltInPrompt() {
        PromptLibrary library = PromptLibrary.builtIn();
        for (Scenario scenario : Scenario.values()) {
            for (String name : new String[] {"rules", "harvest-task", "context", "harvest", "importance", "turn",
                    "turn-task", "chat-context", "chat-plan", "chat-memo", "insights", "framework", "summary",
                    "limit"}) {
                assertThat(library.template(scenario, name).origin()).startsWith("built-in");
            }
        }
    }

    @Test
    void aFolderReplacesBuiltInFilesForAllScenariosOrForOne(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("summary.txt"), "Summarize, {{participants}}!\n");
        Files.createDirectories(folder.resolve("pasture"));
        Files.writeString(folder.resolve("pasture/rules.txt"), "Graze, {{name}}.");
        PromptLibrary library = PromptLibrary.withOverrides(folder);

        assertThat(library.template(Scenario.FISHERY, "summary").render(Map.of("participants", "all")))
                .isEqualTo("Summarize, all!");
        assertThat(library.template(Scenario.PASTURE, "rules").render(Map.of("name", "Kate"))).isEqualTo("Graze, Kate.");
        assertThat(library.template(Scenario.FISHERY, "rules").origin()).isEqualTo("built-in fishery/rules.txt");
        assertThat(library.template(Scenario.PASTURE, "summary").origin()).isEqualTo(folder.resolve("summary.txt").toString());
    }

    @Test
    void aMissingFolderOrPromptIsAnErrorThatSaysWhere(@TempDir Path folder) {
        assertThatThrownBy(() -> PromptLibrary.withOverrides(folder.resolve("nope")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> PromptLibrary.withOverrides(folder).template(Scenario.FISHERY, "unheard-of"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unheard-of")
                .hasMessageContaining("built-in fishery/unheard-of.txt");
    }
}
