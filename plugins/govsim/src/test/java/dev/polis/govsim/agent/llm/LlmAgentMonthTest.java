package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.polis.api.InvalidInputException;
import dev.polis.api.agent.AgentContext;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.run.RunContext;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationAnalysis;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.DiscussionOutcome;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestOutcome;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.MonthContext;
import dev.polis.govsim.protocol.ParseStatus;
import dev.polis.govsim.protocol.Reflection;
import dev.polis.govsim.protocol.ReflectionRequest;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.protocol.TurnRequest;
import dev.polis.govsim.protocol.Utterance;
import dev.polis.testkit.TestSettings;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.Test;

class LlmAgentMonthTest {

    private static final List<String> NAMES = List.of("John", "Kate", "Jack", "Emma", "Luke");
    private static final AgentProfile JOHN = new AgentProfile("persona_0", "John", "", false);

    private final ScriptedGovSim.RecordingRun run = new ScriptedGovSim.RecordingRun();

    private static MonthContext month(int index, int pool) {
        return new MonthContext(Scenario.FISHERY, index, LocalDate.of(2024, 1 + index, 1), pool, NAMES, (pool / 2) / 5,
                pool / 2, true);
    }

    private LlmGovSimAgent agent(ChatModel model, Map<String, ?> settings, ModelResolver resolver) {
        LlmGovSimAgent agent = new LlmAgentProvider(resolver).create(
                new AgentContext("persona_0", TestSettings.of(settings), Optional.of(model), run));
        agent.begin(new GameSetup(Scenario.FISHERY, JOHN, NAMES, 100, 12, true, false, LocalDate.of(2024, 1, 1)));
        return agent;
    }

    private static HarvestRequest harvest(MonthContext m) {
        return new HarvestRequest(m, JOHN, m.monthStart(), m.poolBefore(), List.of(Scenario.FISHERY.poolSentence(m.poolBefore())),
                Optional.empty(), List.of());
    }

    /** Plays one month for John alone and returns his utterance, as the environment would drive him. */
    private Utterance playMonth(LlmGovSimAgent agent, MonthContext m, int caught) {
        agent.harvest(harvest(m));
        agent.observeOutcome(new HarvestOutcome(m, 12, caught, m.poolBefore() - 50,
                Scenario.FISHERY.outcomeSentence("John", 12, caught)));
        List<ConversationEntry> chat = List.of(new ConversationEntry(ConversationEntry.MAYOR_ID,
                ConversationEntry.MAYOR_NAME, Scenario.FISHERY.reportOpening() + " John caught " + caught + " tons."));
        Utterance line = agent.speak(new TurnRequest(m, JOHN, m.discussionDay(), NAMES, chat, 8));
        List<ConversationEntry> whole = List.of(chat.getFirst(),
                new ConversationEntry("persona_0", "John", line.text()),
                new ConversationEntry("persona_1", "Kate", "Fine, 10 each."));
        ConversationAnalysis analysis = agent.analyst().orElseThrow().analyze(m, whole);
        agent.afterDiscussion(new DiscussionOutcome(m, m.discussionDay(), whole, analysis,
                analysis.agreedLimit().map(Scenario.FISHERY::agreedLimitSentence)));
        agent.reflect(new ReflectionRequest(m, JOHN, m.reflectionDay(), List.of("harvesting")));
        return line;
    }

    @Test
    void aWholeMonthGivesAHarvestAnUtteranceInsightsAndMemories() {
        ScriptedChatModel model = ScriptedGovSim.model("John", "Ten seems fair. Answer: 12 tons.");
        LlmGovSimAgent agent = agent(model, Map.of(), ModelResolver.none());
        MonthContext m = month(0, 100);

        HarvestDecision decision = agent.harvest(harvest(m));
        agent.observeOutcome(new HarvestOutcome(m, 12, 12, 40, Scenario.FISHERY.outcomeSentence("John", 12, 12)));
        List<ConversationEntry> chat = List.of(new ConversationEntry(ConversationEntry.MAYOR_ID,
                ConversationEntry.MAYOR_NAME, "Dear neighbours, here is this month's fishing report. John caught 12 tons of fish."));
        Utterance line = agent.speak(new TurnRequest(m, JOHN, m.discussionDay(), NAMES, chat, 8));
        List<ConversationEntry> whole = List.of(chat.getFirst(), new ConversationEntry("persona_0", "John", line.text()));
        ConversationAnalysis analysis = agent.analyst().orElseThrow().analyze(m, whole);
        agent.afterDiscussion(new DiscussionOutcome(m, m.discussionDay(), whole, analysis,
                analysis.agreedLimit().map(Scenario.FISHERY::agreedLimitSentence)));
        Reflection reflection = agent.reflect(new ReflectionRequest(m, JOHN, m.reflectionDay(), List.of("harvesting")));

        assertThat(decision).isEqualTo(new HarvestDecision(12, "Ten seems fair. Answer: 12 tons.", ParseStatus.PARSED));
        assertThat(line.text()).isEqualTo("I'm John and I propose we all take 10 at most.");
        assertThat(line.concludes()).isFalse();
        assertThat(line.nextSpeaker()).contains("Kate");
        assertThat(analysis.summary()).isEqualTo("The group agreed that everyone takes at most 10 tons.");
        assertThat(analysis.agreedLimit()).contains(10);
        assertThat(reflection.insights()).containsExactly("Taking 10 keeps the lake full",
                "The others follow agreements");

        assertThat(agent.memories()).extracting(MemoryNode::kind, MemoryNode::description).contains(
                org.assertj.core.groups.Tuple.tuple(MemoryKind.EVENT, Scenario.FISHERY.poolSentence(100)),
                org.assertj.core.groups.Tuple.tuple(MemoryKind.CHAT, analysis.summary()),
                org.assertj.core.groups.Tuple.tuple(MemoryKind.THOUGHT, "I must not take more than 10 tons next month."),
                org.assertj.core.groups.Tuple.tuple(MemoryKind.THOUGHT, "Kate worried about the lake."),
                org.assertj.core.groups.Tuple.tuple(MemoryKind.THOUGHT, Scenario.FISHERY.agreedLimitSentence(10)),
                org.assertj.core.groups.Tuple.tuple(MemoryKind.THOUGHT, "Taking 10 keeps the lake full"));
        MemoryNode limit = agent.memories().stream()
                .filter(n -> n.description().equals(Scenario.FISHERY.agreedLimitSentence(10))).findFirst().orElseThrow();
        assertThat(limit.alwaysInclude()).isTrue();
        assertThat(limit.importance()).isEqualTo(10);
        assertThat(agent.memories().stream().filter(n -> n.kind() == MemoryKind.CHAT).findFirst().orElseThrow()
                .importance()).isEqualTo(9);

        // harvest 1, utterance 1, two chat thoughts, importance of summary + 2 thoughts + 2 insights, insights 1,
        // summary 1, limit 1
        assertThat(agent.modelCalls().byPurpose(0)).containsExactlyInAnyOrderEntriesOf(Map.of(
                CallPurpose.HARVEST, 1, CallPurpose.UTTERANCE, 1, CallPurpose.CHAT_THOUGHT, 2,
                CallPurpose.IMPORTANCE, 5, CallPurpose.INSIGHTS, 1, CallPurpose.SUMMARY, 1, CallPurpose.AGREED_LIMIT, 1));
        assertThat(agent.modelCalls().total(0)).isEqualTo(12).isEqualTo(model.callCount());
        assertThat(run.ofType("govsim.llm.calls")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("calls", 12).containsEntry("month", 0));
        assertThat(run.ofType("govsim.llm.harvest")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("detail", "NUMBER").containsEntry("amount", 12));
    }

    @Test
    void everyCallIsLabelledAndTheHarvestPromptShowsThePoolMemory() {
        ScriptedChatModel model = ScriptedGovSim.model("John", "Answer: 5");
        LlmGovSimAgent agent = agent(model, Map.of(), ModelResolver.none());

        agent.harvest(harvest(month(0, 90)));

        ChatRequest request = model.requests().getFirst();
        assertThat(request.metadata()).containsEntry("agent", "persona_0").containsEntry("phase", "harvest")
                .containsEntry("month", "0");
        assertThat(request.settings().temperature()).isZero();
        assertThat(request.messages().getLast().content())
                .contains("- 2024-01-01: " + Scenario.FISHERY.poolSentence(90)).contains("0 to 90");
    }

    @Test
    void theAgreedLimitIsRememberedInTheNextHarvestAndHarvestEventsExpire() {
        ScriptedChatModel model = ScriptedGovSim.model("John", "Answer: 10 tons");
        LlmGovSimAgent agent = agent(model, Map.of(), ModelResolver.none());

        playMonth(agent, month(0, 100), 10);
        agent.harvest(harvest(month(1, 100)));

        String prompt = model.requests().stream().filter(r -> "harvest".equals(r.metadata().get("phase")))
                .reduce((a, b) -> b).orElseThrow().messages().getLast().content();
        assertThat(prompt).contains(Scenario.FISHERY.agreedLimitSentence(10)).contains("2024-02-01")
                .doesNotContain("2024-01-01: " + Scenario.FISHERY.poolSentence(100));
    }

    @Test
    void malformedHarvestsFollowTheRuleAndAreRecorded() {
        for (String[] c : new String[][] {{"I'll take ten.", "0", "NO_MARKER", "NO_MARKER"},
                {"Answer: ten tons", "0", "NO_NUMBER", "NO_NUMBER"},
                {"Answer: -5 tons", "5", "SIGN_IGNORED", "SIGN_IGNORED"},
                {"Answer: 1,000 tons", "1", "FIRST_DIGIT_GROUP", "FIRST_DIGIT_GROUP"},
                {"Answer: 123456789012 tons", String.valueOf(Integer.MAX_VALUE), "TOO_LARGE", "TOO_LARGE"},
                {"Answer: 500 tons", "500", "PARSED", "NUMBER"}}) {
            ScriptedGovSim.RecordingRun own = new ScriptedGovSim.RecordingRun();
            LlmGovSimAgent agent = new LlmAgentProvider(ModelResolver.none()).create(new AgentContext("persona_0",
                    TestSettings.empty(), Optional.of(ScriptedGovSim.model("John", c[0])), own));
            agent.begin(new GameSetup(Scenario.FISHERY, JOHN, NAMES, 100, 12, true, false, LocalDate.of(2024, 1, 1)));

            HarvestDecision decision = agent.harvest(harvest(month(0, 100)));

            assertThat(decision.amount()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(decision.status().name()).as(c[0]).isEqualTo(c[2]);
            assertThat(decision.rawText()).isEqualTo(c[0]);
            assertThat(own.ofType("govsim.llm.harvest")).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("detail", c[3]).containsEntry("raw", c[0]));
        }
    }

    @Test
    void anEmptyPoolNeedsNoModelCall() {
        ScriptedChatModel model = ScriptedGovSim.model("John", "Answer: 5");
        LlmGovSimAgent agent = agent(model, Map.of(), ModelResolver.none());

        HarvestDecision decision = agent.harvest(harvest(month(0, 0)));

        assertThat(decision.amount()).isZero();
        assertThat(decision.status()).isEqualTo(ParseStatus.NOT_TEXT);
        assertThat(model.callCount()).isZero();
    }

    @Test
    void withoutRatingsEveryMemoryGetsFiveAndNoImportanceCall() {
        ScriptedChatModel model = ScriptedGovSim.model("John", "Answer: 10");
        LlmGovSimAgent agent = agent(model, Map.of("rateImportance", false), ModelResolver.none());

        playMonth(agent, month(0, 100), 10);

        assertThat(agent.modelCalls().byPurpose(0)).doesNotContainKey(CallPurpose.IMPORTANCE);
        assertThat(agent.memories()).filteredOn(n -> !n.alwaysInclude()).extracting(MemoryNode::importance)
                .isNotEmpty().containsOnly(5);
    }

    @Test
    void unreadableRatingsFallBackToFiveAndAreRecorded() {
        ScriptedChatModel model = ScriptedChatModel.builder().answer(r -> {
            String task = r.messages().getLast().content();
            return task.contains("Rate it from 1 to 10") ? "very important!" : ScriptedGovSim.answer("John", "Answer: 3", r);
        }).build();
        LlmGovSimAgent agent = agent(model, Map.of(), ModelResolver.none());

        playMonth(agent, month(0, 100), 3);

        assertThat(agent.memories()).filteredOn(n -> !n.alwaysInclude()).extracting(MemoryNode::importance)
                .containsOnly(5);
        assertThat(run.ofType("govsim.llm.importance")).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("outcome", "NO_NUMBER"));
    }

    @Test
    void theFrameworkModelCanBeAnotherModel() {
        ScriptedChatModel own = ScriptedGovSim.model("John", "Answer: 10");
        ScriptedChatModel framework = ScriptedGovSim.model("Framework", "Answer: 0");
        ModelResolver resolver = new ModelResolver() {
            @Override
            public ChatModel chatModel(String spec, RunContext context) {
                assertThat(spec).isEqualTo("scripted:framework");
                assertThat(context).as("the framework model serves the agent's run").isSameAs(run);
                return framework;
            }

            @Override
            public EmbeddingModel embeddingModel(String spec, RunContext context) {
                throw new AssertionError("no embedder expected");
            }
        };
        LlmGovSimAgent agent = agent(own, Map.of("frameworkModel", "scripted:framework"), resolver);

        playMonth(agent, month(0, 100), 10);

        assertThat(framework.requests()).extracting(r -> r.metadata().get("phase"))
                .containsExactly("summary", "agreed_limit");
        assertThat(own.requests()).extracting(r -> r.metadata().get("phase"))
                .doesNotContain("summary", "agreed_limit");
    }

    @Test
    void anAgentWithoutAModelOrWithAnUnknownSettingIsRefused() {
        LlmAgentProvider provider = new LlmAgentProvider(ModelResolver.none());

        assertThatThrownBy(() -> provider.create(new AgentContext("persona_3", TestSettings.empty(), Optional.empty(), run)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("persona_3").hasMessageContaining("model");
        assertThatThrownBy(() -> provider.create(new AgentContext("persona_3", TestSettings.of("promts", "x"),
                Optional.of(ScriptedGovSim.model("x", "")), run)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("promts").hasMessageContaining("prompts");
    }
}
