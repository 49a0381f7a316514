package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.text.PromptCatalog;
import dev.polis.govsim.text.PromptPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prompt pack with a file for every text of the catalog replaces every text the game and its agents use. */
class PromptPackOverridesEveryTextTest {

    /** The placeholders a pack file keeps so the texts it frames still show. */
    private static final Map<String, String> KEEPS = Map.of("harvest", "{{context}} {{task}}", "turn", "{{context}}",
            "context", "{{memories}}", "rules", "{{goal}}", "insights", "{{memories}}", "importance", "{{memory}}",
            "chat-line", "{{speaker}}: {{text}}");

    private static Path pack(Path folder) throws IOException {
        for (String name : PromptCatalog.all().keySet()) {
            String text = "<<" + name + ">> " + KEEPS.getOrDefault(name, "") + (name.startsWith("harvest-task")
                    || name.equals("limit") ? " Answer: N" : "");
            Files.writeString(folder.resolve(name + ".txt"), text.strip() + "\n");
        }
        return folder;
    }

    private static List<String> texts(PhaseScriptedSociety society, GameState end) {
        List<String> seen = new ArrayList<>();
        for (ChatRequest call : society.calls()) {
            call.messages().stream().map(Message::content).forEach(seen::add);
        }
        end.months().forEach(m -> m.conversation().forEach(e -> seen.add(e.text())));
        return seen;
    }

    @Test
    void aPackWithEveryFileReplacesEveryTextOfTheGameAndItsAgents(@TempDir Path folder) throws IOException {
        Path prompts = pack(folder);
        Map<String, Object> settings = Map.of("prompts", prompts.toString(), "layout", "original",
                "prefill", "inline", "parseFallback", "reask");
        GovSimConfig config = GovSimConfig.defaults(Scenario.FISHERY, Experiment.parse("newcomer+universalization"), 7)
                .withHorizon(5).withPrompts(Optional.of(prompts));
        // the first harvest answer of each call has no answer line, so every harvest is asked again
        PhaseScriptedSociety talking = new PhaseScriptedSociety(config, settings, request ->
                "harvest".equals(request.metadata().get("phase")) ? "ten, I think"
                        : PhaseScriptedSociety.plainAnswer(request));
        List<String> seen = texts(talking, talking.play());
        GovSimConfig json = GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7).withHorizon(1)
                .withPrompts(Optional.of(prompts));
        PhaseScriptedSociety structured = new PhaseScriptedSociety(json, Map.of("prompts", prompts.toString(),
                "structuredHarvest", true, "choices", "constrained"), request -> switch (request.metadata().get("phase")) {
                    case "utterance" -> "{\"message\": \"ten each\", \"conversationOver\": \"yes\", "
                            + "\"nextSpeaker\": \"Kate\"}";
                    case "importance" -> "{\"rating\": 5}";
                    default -> "{\"amount\": 10}";
                });
        seen.addAll(texts(structured, structured.play()));

        String all = String.join("\n", seen);
        for (String name : PromptCatalog.all().keySet()) {
            assertThat(all).as("text " + name).contains("<<" + name + ">>");
        }
        assertThat(all).doesNotContain("tons of fish", "Dear neighbours", "Task:");
    }

    @Test
    void anUnknownFileOrPlaceholderIsAnErrorNamingIt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("rule.txt"), "typo in the name");
        assertThatThrownBy(() -> PromptPack.of(folder)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rule.txt").hasMessageContaining("rules");
        Files.delete(folder.resolve("rule.txt"));
        Files.createDirectories(folder.resolve("lake"));
        Files.writeString(folder.resolve("lake/pool.txt"), "a scenario folder that is none");
        assertThatThrownBy(() -> PromptPack.of(folder)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lake/pool.txt");
        Files.delete(folder.resolve("lake/pool.txt"));
        Files.writeString(folder.resolve("README.md"), "notes are left alone");
        Files.createDirectories(folder.resolve("pasture"));
        Files.writeString(folder.resolve("pasture/pool.txt"), "{{pool}} hectares and {{poool}} more");

        PromptPack pack = PromptPack.of(folder);

        assertThat(Scenario.PASTURE.texts().pool(1)).contains("1 hectares");
        assertThatThrownBy(() -> new dev.polis.govsim.text.GameTexts(pack, "pasture").pool(40))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pasture/pool.txt")
                .hasMessageContaining("{{poool}}").hasMessageContaining("pool");
    }
}
