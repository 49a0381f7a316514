package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.govsim.sweep.SocietySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's agent settings: file, society and member levels, then the command line, for LLM members only. */
class GovSimFileTest {

    @TempDir
    Path dir;

    private GovSimFile read(String yaml) throws IOException {
        Path file = dir.resolve("govsim.yaml");
        Files.writeString(file, yaml);
        return GovSimFile.read(file, new HostSettingsFactory(Map.of()));
    }

    @Test
    void laterLevelsWinAndPoliciesGetNoSettings() throws IOException {
        GovSimFile file = read("""
                agentSettings: {rulesRole: user, turnMemories: 3, temperature: 0.5}
                societies:
                  - name: s
                    agentSettings: {turnMemories: 4}
                    members:
                      - "llm:openai:http://127.0.0.1:11434/v1#a"
                      - {member: "llm:openai:http://127.0.0.1:11434/v1#b", settings: {turnMemories: 7, rateImportance: false}}
                      - greedy
                """);

        SocietySpec society = file.toSocieties().getFirst().withLlmSettings(SettingPairs.parse("--agent-setting",
                List.of("temperature=0.9", "prompts=my=prompts")));

        assertThat(society.members()).containsExactly("llm:openai:http://127.0.0.1:11434/v1#a",
                "llm:openai:http://127.0.0.1:11434/v1#b", "greedy");
        assertThat(society.settingsOf(0)).containsExactlyInAnyOrderEntriesOf(Map.of("rulesRole", "user",
                "turnMemories", 4, "temperature", "0.9", "prompts", "my=prompts"));
        assertThat(society.settingsOf(1)).containsEntry("turnMemories", 7).containsEntry("rateImportance", false)
                .containsEntry("temperature", "0.9");
        assertThat(society.settingsOf(2)).isEmpty();
    }

    @Test
    void malformedMembersAndPairsAreUserErrors() throws IOException {
        GovSimFile policyWithSettings = read("""
                societies:
                  - name: s
                    members: [{member: greedy, settings: {rateImportance: false}}]
                """);
        assertThatThrownBy(policyWithSettings::toSocieties).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("llm:<model spec> members only");
        GovSimFile unknownKey = read("""
                societies:
                  - name: s
                    members: [{model: "openai:x#y"}]
                """);
        assertThatThrownBy(unknownKey::toSocieties).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{member: <spec>, settings:");
        assertThatThrownBy(() -> SettingPairs.parse("--agent-setting", List.of("=x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key=value");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsFileAndLine() {
        assertThatThrownBy(() -> read("""
                seeds: [1]
                societies:
                  - name: s
                    size: 3
                    members: [greedy]
                """)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("govsim.yaml:4")
                .hasMessageContaining("size")
                .hasMessageContaining("expected keys");
    }
}
