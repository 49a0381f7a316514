package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Role;
import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.protocol.Scenario;
import org.junit.jupiter.api.Test;

/** The original's parse fallback ({@code parseFallback: reask}) and the per-call token limits and stops. */
class HarvestReaskTest {

    private static PhaseScriptedSociety society(Map<String, ?> settings, String firstHarvest, String reask) {
        GovSimConfig config = GovSimConfig.defaults(Scenario.FISHERY, Experiment.parse("no-communication"), 7)
                .withHorizon(1);
        return new PhaseScriptedSociety(config, settings, request -> switch (request.metadata().get("phase")) {
            case "harvest" -> firstHarvest;
            case "harvest_reask" -> reask;
            default -> PhaseScriptedSociety.plainAnswer(request);
        });
    }

    private static List<ChatRequest> calls(PhaseScriptedSociety society, String phase) {
        return society.calls().stream().filter(c -> phase.equals(c.metadata().get("phase"))).toList();
    }

    @Test
    void anAnswerWithoutAnAnswerLineIsAskedExactlyOnceMoreAndRecorded() {
        PhaseScriptedSociety society = society(Map.of("parseFallback", "reask"), "I would catch ten tons.", "Answer: 7");

        GameState end = society.play();

        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::wanted).containsOnly(7);
        assertThat(calls(society, "harvest")).hasSize(5);
        assertThat(calls(society, "harvest_reask")).hasSize(5).allSatisfy(c -> {
            assertThat(c.messages()).extracting(m -> m.role()).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT,
                    Role.USER);
            assertThat(c.messages().get(2).content()).isEqualTo("I would catch ten tons.");
            assertThat(c.messages().getLast().content()).contains("Answer:");
        });
        assertThat(society.events("govsim.llm.harvest")).hasSize(5).allSatisfy(e -> assertThat(e)
                .containsEntry("reasked", true).containsEntry("firstRaw", "I would catch ten tons.")
                .containsEntry("raw", "Answer: 7").containsEntry("amount", 7));
    }

    @Test
    void aSecondAnswerWithoutANumberStillCountsZeroAfterOneReask() {
        PhaseScriptedSociety society = society(Map.of("parseFallback", "reask"), "Hard to say.", "Still unsure.");

        GameState end = society.play();

        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::wanted).containsOnly(0);
        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::status).containsOnly("NO_MARKER");
        assertThat(calls(society, "harvest_reask")).hasSize(5);
    }

    @Test
    void withoutTheFallbackNothingIsAskedAgainAndAnswerLinesAreNeverReasked() {
        PhaseScriptedSociety none = society(Map.of(), "I would catch ten tons.", "Answer: 7");
        none.play();
        PhaseScriptedSociety clean = society(Map.of("parseFallback", "reask"), "Answer: 9", "Answer: 7");
        GameState end = clean.play();

        assertThat(calls(none, "harvest_reask")).isEmpty();
        assertThat(none.events("govsim.llm.harvest")).allSatisfy(e -> assertThat(e).containsEntry("amount", 0)
                .containsEntry("reasked", false));
        assertThat(calls(clean, "harvest_reask")).isEmpty();
        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::wanted).containsOnly(9);
    }

    @Test
    void inTheOriginalLayoutTheModelContinuesItsOwnAnswerAfterTheAnswerPrefix() {
        PhaseScriptedSociety society = society(Map.of("parseFallback", "reask", "layout", "original",
                "prefill", "assistant"), "I would catch ten tons.", " 6 tons");

        GameState end = society.play();

        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::wanted).containsOnly(6);
        assertThat(calls(society, "harvest_reask")).allSatisfy(c -> {
            assertThat(c.messages()).extracting(m -> m.role()).containsExactly(Role.USER, Role.ASSISTANT);
            assertThat(c.messages().getLast().content()).isEqualTo("I would catch ten tons.\nAnswer:");
        });
    }

    @Test
    void shortAnswersGetTheirOwnTokenLimitAndTheOriginalStops() {
        GovSimConfig config = GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7).withHorizon(1);
        PhaseScriptedSociety society = new PhaseScriptedSociety(config, Map.of("maxTokens", 1000,
                "shortMaxTokens", 100, "stops", "original"), PhaseScriptedSociety::plainAnswer);

        society.play();

        for (ChatRequest call : society.calls()) {
            String phase = call.metadata().get("phase");
            boolean shortAnswer = List.of("importance", "chat_thought", "summary").contains(phase);
            assertThat(call.settings().maxTokens()).as(phase).isEqualTo(shortAnswer ? 100 : 1000);
            List<String> stop = switch (phase) {
                case "importance" -> List.of("\n");
                case "chat_thought", "summary" -> List.of(".");
                default -> List.of();
            };
            assertThat(call.settings().stop()).as(phase).isEqualTo(stop);
        }
        assertThat(society.calls()).extracting(c -> c.metadata().get("phase")).contains("importance", "chat_thought",
                "summary", "harvest", "utterance");
    }
}
