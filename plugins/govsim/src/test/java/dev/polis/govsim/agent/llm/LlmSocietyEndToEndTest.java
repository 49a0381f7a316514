package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatRequest;
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
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.testkit.TestSettings;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;

/** Runs a society of five LLM agents, each on its own scripted model, through the GovSim game. */
class LlmSocietyEndToEndTest {

    private record SocietySpec(List<Seat> seats, List<ScriptedChatModel> models, List<LlmGovSimAgent> agents) {
    }

    private static SocietySpec society(Scenario scenario, String harvestAnswer) {
        List<AgentProfile> profiles = Personas.profiles(scenario, 5, false);
        List<Seat> seats = new ArrayList<>();
        List<ScriptedChatModel> models = new ArrayList<>();
        List<LlmGovSimAgent> agents = new ArrayList<>();
        LlmAgentProvider provider = new LlmAgentProvider(ModelResolver.none());
        for (AgentProfile profile : profiles) {
            ScriptedChatModel model = ScriptedGovSim.model(profile.name(), harvestAnswer);
            LlmGovSimAgent agent = provider.create(new AgentContext(profile.id(), TestSettings.empty(),
                    Optional.of(model), new ScriptedGovSim.RecordingRun()));
            seats.add(new Seat(profile, agent, 0));
            models.add(model);
            agents.add(agent);
        }
        return new SocietySpec(seats, models, agents);
    }

    private static GameState play(SocietySpec society, Scenario scenario, ExecutorService executor) {
        GovSimGame game = new GovSimGame(GovSimConfig.defaults(scenario, Experiment.DEFAULT, 7), society.seats(),
                executor);
        return game.play(game.initialState(), MonthListener.none());
    }

    @Test
    void aSocietyOfLlmAgentsPlaysTwelveMonthsWithEachSpeakerOnItsOwnModel() {
        SocietySpec society = society(Scenario.FISHERY, "We should be careful. Answer: 10 tons");
        GameState end;
        try (ExecutorService executor = Executors.newFixedThreadPool(5)) {
            end = play(society, Scenario.FISHERY, executor);
        }

        assertThat(end.months()).hasSize(12);
        MonthRecord first = end.months().getFirst();
        assertThat(first.agents()).extracting(AgentMonth::wanted).containsOnly(10);
        assertThat(first.agents()).extracting(AgentMonth::status).containsOnly("PARSED");
        assertThat(first.agents()).extracting(AgentMonth::rawText).containsOnly("We should be careful. Answer: 10 tons");
        assertThat(first.conversation()).extracting(ConversationEntry::speakerName)
                .containsExactly("Mayor", "John", "Kate", "Jack", "Emma", "Luke", "John");
        assertThat(first.conversation().get(2).text()).isEqualTo("I'm Kate and I propose we all take 10 at most.");
        assertThat(first.summary()).isEqualTo("The group agreed that everyone takes at most 10 tons.");
        assertThat(first.agreedLimit()).isEqualTo(10);
        assertThat(first.agents()).allSatisfy(a -> assertThat(a.insights()).hasSize(2));

        for (int i = 0; i < 5; i++) {
            String name = Personas.NAMES.get(i);
            String id = Personas.id(i);
            List<ChatRequest> lines = society.models().get(i).requests().stream()
                    .filter(r -> "utterance".equals(r.metadata().get("phase"))).toList();
            assertThat(lines).as(name + "'s lines come from " + name + "'s model").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.metadata()).containsEntry("agent", id));
        }
        assertThat(society.models().get(0).requests()).extracting(r -> r.metadata().get("phase"))
                .contains("summary", "agreed_limit");
        assertThat(society.models().get(1).requests()).extracting(r -> r.metadata().get("phase"))
                .doesNotContain("summary", "agreed_limit");
    }

    @Test
    void modelCallsPerSimulatedMonthAreCounted() {
        SocietySpec society = society(Scenario.FISHERY, "Answer: 10 tons");

        play(society, Scenario.FISHERY, null);

        for (int month = 0; month < 12; month++) {
            int total = 0;
            for (LlmGovSimAgent agent : society.agents()) {
                total += agent.modelCalls().total(month);
            }
            // 5 harvests, 6 chat lines, 10 chat thoughts, 5 insight calls, 2 framework calls, and
            // 25 importance ratings (per agent: summary, two thoughts, two insights)
            assertThat(total).as("calls in month %d", month).isEqualTo(53);
        }
        int counted = society.agents().stream().mapToInt(a -> a.modelCalls().snapshot().values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum()).sum();
        assertThat(counted).isEqualTo(society.models().stream().mapToInt(ScriptedChatModel::callCount).sum());
    }

    @Test
    void greedyAnswersCollapseThePoolInTheFirstMonthInEveryScenario() {
        for (Scenario scenario : Scenario.values()) {
            SocietySpec society = society(scenario, "Everything! Answer: 100");

            GameState end = play(society, scenario, null);

            assertThat(end.months()).as(scenario.id()).hasSize(1);
            assertThat(end.months().getFirst().collapsed()).isTrue();
            assertThat(end.months().getFirst().totalReceived()).isEqualTo(100);
        }
    }

    @Test
    void malformedAnswersReachTheRunRecords() {
        SocietySpec society = society(Scenario.PASTURE, "I'd say 1,000 flocks. Answer: 1,000 flocks");

        GameState end = play(society, Scenario.PASTURE, null);

        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::wanted).containsOnly(1);
        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::status).containsOnly("FIRST_DIGIT_GROUP");
        assertThat(end.months().getFirst().agents()).extracting(AgentMonth::rawText)
                .containsOnly("I'd say 1,000 flocks. Answer: 1,000 flocks");
        assertThat(Map.of("months", end.months().size())).containsEntry("months", 12);
    }

    @Test
    void aResumedRunRestoresEachAgentsMemoriesAndCallCounts() {
        SocietySpec before = society(Scenario.FISHERY, "Answer: 10 tons");
        GovSimGame first = new GovSimGame(GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7),
                before.seats(), null);
        GameState state = first.initialState();
        for (int month = 0; month < 3; month++) {
            state = first.playMonth(state);
        }
        assertThat(state.agentStates()).containsOnlyKeys("persona_0", "persona_1", "persona_2", "persona_3",
                "persona_4");

        SocietySpec after = society(Scenario.FISHERY, "Answer: 10 tons");
        GovSimGame resumed = new GovSimGame(GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7),
                after.seats(), null);
        GameState end = resumed.play(state, MonthListener.none());

        assertThat(end.months()).hasSize(12);
        LlmGovSimAgent john = after.agents().getFirst();
        assertThat(john.memories()).startsWith(before.agents().getFirst().memories().toArray(
                new dev.polis.govsim.agent.llm.memory.MemoryNode[0]));
        assertThat(john.modelCalls().total(0)).isEqualTo(before.agents().getFirst().modelCalls().total(0));
        assertThat(after.models().getFirst().requests()).noneMatch(r -> "0".equals(r.metadata().get("month")));
    }

    @Test
    void theCoreEnvironmentPlaysFullMonthsWithLlmAgentsThroughAct() {
        SocietySpec society = society(Scenario.POLLUTION, "Carefully. Answer: 9 pallets");
        List<String> ids = society.agents().stream().map(LlmGovSimAgent::id).toList();
        dev.polis.govsim.game.GovSimEnvironment environment = dev.polis.govsim.game.GovSimEnvironment.forAgents(
                GovSimConfig.defaults(Scenario.POLLUTION, Experiment.DEFAULT, 7), ids,
                months -> dev.polis.govsim.metrics.MetricsCalculator.paper().compute(months).asMap());

        Map<String, dev.polis.api.env.Observation> observations = environment.reset(7);
        java.util.List<String> phases = new java.util.ArrayList<>();
        int harvests = 0;
        boolean done = false;
        while (!done) {
            String phase = (String) observations.values().iterator().next().data().get("phase");
            phases.add(phase + ":" + observations.size());
            Map<String, dev.polis.api.env.Action> actions = new java.util.LinkedHashMap<>();
            for (LlmGovSimAgent agent : society.agents()) {
                if (observations.containsKey(agent.id())) {
                    actions.put(agent.id(), agent.act(observations.get(agent.id())));
                }
            }
            if (phase.equals("harvest")) {
                harvests++;
                assertThat(actions.values()).allSatisfy(a -> assertThat(a.data()).containsEntry("harvest", 9));
            }
            dev.polis.api.env.StepResult result = environment.step(actions);
            observations = result.observations();
            done = result.done();
        }

        assertThat(harvests).isEqualTo(12);
        assertThat(phases.subList(0, 5)).containsExactly("begin:5", "harvest:5", "outcome:5", "turn:1", "turn:1");
        assertThat(phases).contains("analysis:1", "discussion:5", "reflection:5");
        assertThat(environment.metrics()).containsEntry("survival_months", 12.0).containsEntry("gain", 108.0);
        assertThat(environment.state().months().get(0).conversation()).hasSizeGreaterThan(1);
        assertThat(society.models().getFirst().requests().getFirst().messages().getFirst().content())
                .contains("You are John", "factory");
    }
}
