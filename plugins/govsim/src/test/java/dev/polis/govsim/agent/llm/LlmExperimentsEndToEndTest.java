package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatRequest;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimGame;
import dev.polis.govsim.game.MonthListener;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.game.Personas;
import dev.polis.govsim.game.Seat;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.testkit.TestSettings;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;

/** Plays the paper's newcomer and no-communication experiments end to end with LLM agents on scripted models. */
class LlmExperimentsEndToEndTest {

    private record Table(List<Seat> seats, List<ScriptedChatModel> models, List<LlmGovSimAgent> agents) {
    }

    private static Table table(Scenario scenario, boolean newcomer, String harvestAnswer) {
        List<Seat> seats = new ArrayList<>();
        List<ScriptedChatModel> models = new ArrayList<>();
        List<LlmGovSimAgent> agents = new ArrayList<>();
        LlmAgentProvider provider = new LlmAgentProvider(ModelResolver.none());
        for (AgentProfile profile : Personas.profiles(scenario, 5, newcomer)) {
            ScriptedChatModel model = ScriptedGovSim.model(profile.name(), harvestAnswer);
            LlmGovSimAgent agent = provider.create(new AgentContext(profile.id(), TestSettings.empty(),
                    Optional.of(model), new ScriptedGovSim.RecordingRun()));
            seats.add(new Seat(profile, agent, 0));
            models.add(model);
            agents.add(agent);
        }
        return new Table(seats, models, agents);
    }

    private static GameState play(Table table, Scenario scenario, Experiment experiment) {
        GovSimGame game = new GovSimGame(GovSimConfig.defaults(scenario, experiment, 7), table.seats(), null);
        return game.play(game.initialState(), MonthListener.none());
    }

    @Test
    void anLlmNewcomerRunPlaysItsFifteenMonthsInEveryScenario() {
        for (Scenario scenario : Scenario.values()) {
            Table table = table(scenario, true, "Fair shares. Answer: 10");

            GameState end = play(table, scenario, Experiment.parse("newcomer"));

            assertThat(end.months()).as(scenario.id()).hasSize(15);
            assertThat(end.months()).allSatisfy(m -> assertThat(m.collapsed()).isFalse());
            assertThat(end.months().get(2).agents()).extracting(AgentMonth::agentId).doesNotContain("persona_4");
            assertThat(end.months().get(3).agents()).extracting(AgentMonth::agentId).contains("persona_4");
            assertThat(end.months().get(14).agents()).extracting(AgentMonth::wanted).containsOnly(10);
        }
    }

    @Test
    void theNewcomersOwnClockKeepsItsDatesInsideItsOwnCalendarMonths() {
        Table table = table(Scenario.FISHERY, true, "Answer: 10");

        play(table, Scenario.FISHERY, Experiment.parse("newcomer"));

        LlmGovSimAgent newcomer = table.agents().getLast();
        // the newcomer joins in the shared April (month index 3) with its own clock at January 2024, so its
        // memories span its own January to December while the locals reach March 2025
        List<LocalDate> days = newcomer.memories().stream().map(n -> n.created().toLocalDate()).distinct().toList();
        assertThat(days).contains(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29))
                .allSatisfy(d -> assertThat(d).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(table.agents().getFirst().memories()).extracting(MemoryNode::created)
                .anySatisfy(t -> assertThat(t.toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 31)));
        List<ChatRequest> newcomerCalls = table.models().getLast().requests();
        assertThat(newcomerCalls).extracting(r -> r.metadata().get("month")).doesNotContain("0", "1", "2")
                .contains("3", "14");
    }

    @Test
    void withoutCommunicationLlmAgentsHarvestEveryMonthButNeverTalk() {
        Table table = table(Scenario.PASTURE, false, "Answer: 9 flocks");

        GameState end = play(table, Scenario.PASTURE, Experiment.parse("no-communication"));

        assertThat(end.months()).hasSize(12);
        assertThat(end.months()).allSatisfy(m -> {
            assertThat(m.conversation()).isEmpty();
            assertThat(m.agents()).extracting(AgentMonth::wanted).containsOnly(9);
        });
        for (ScriptedChatModel model : table.models()) {
            assertThat(model.requests()).extracting(r -> r.metadata().get("phase"))
                    .contains("harvest")
                    .doesNotContain("utterance", "chat_thought", "summary", "agreed_limit");
            ChatRequest harvest = model.requests().getFirst();
            String rules = harvest.messages().getFirst().content();
            assertThat(rules).contains("shepherd").doesNotContain("negotiate");
        }
    }
}
