package dev.polis.govsim.agent.llm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.run.EventSink;
import dev.polis.govsim.agent.llm.memory.MemoryClock;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.agent.llm.memory.MemoryStream;
import dev.polis.govsim.agent.llm.parse.HarvestParse;
import dev.polis.govsim.agent.llm.parse.InsightParser;
import dev.polis.govsim.agent.llm.parse.ParsedTurn;
import dev.polis.govsim.agent.llm.parse.SentenceParser;
import dev.polis.govsim.agent.llm.parse.StructuredTurn;
import dev.polis.govsim.agent.llm.parse.TurnParser;
import dev.polis.govsim.agent.llm.prompt.AgentPrompts;
import dev.polis.govsim.agent.llm.prompt.PromptLibrary;
import dev.polis.govsim.agent.llm.retrieval.MemoryFormat;
import dev.polis.govsim.agent.llm.retrieval.Retriever;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationAnalyst;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.DiscussionOutcome;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestOutcome;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.MonthContext;
import dev.polis.govsim.protocol.Reflection;
import dev.polis.govsim.protocol.ReflectionRequest;
import dev.polis.govsim.protocol.TurnRequest;
import dev.polis.govsim.protocol.Utterance;

/**
 * The LLM generative agent of GovSim: remembers, retrieves, decides its harvest, talks, and reflects with its
 * own chat model, and offers the framework model's chat analysis (spec §6).
 *
 * <p>Per month it makes one harvest call, one call per chat line it says, two thought calls after the chat,
 * one insight call, and one importance call per new rated memory; the agent whose analyst the environment
 * uses adds the framework model's two calls. {@link #modelCalls()} counts them per month. Parse outcomes that
 * deviate from a clean answer are emitted as {@code govsim.llm.*} events of the run. An environment that never calls
 * {@link #begin} (the generic pipeline's harvest-only view) gets rules derived from its first request.
 */
public final class LlmGovSimAgent implements GovSimAgent {

    private static final int DEFAULT_CAPACITY = 100;
    private static final int DEFAULT_HORIZON = 12;

    private final String id;
    private final LlmAgentSettings settings;
    private final PromptLibrary library;
    private final Retriever retriever;
    private final EventSink events;
    private final CallCounter counter = new CallCounter();
    private final ModelCaller caller;
    private final ModelCaller frameworkCaller;
    private final List<AutoCloseable> owned;
    private final MemoryStream memory = new MemoryStream();

    private GameSetup setup;
    private AgentPrompts prompts;
    private Remembering remembering;
    private TurnParser turnParser;
    private LocalDate monthStart;

    /**
     * Creates an agent.
     *
     * @param id             the agent id
     * @param model          the agent's own chat model (harvest, chat lines, thoughts, ratings, insights)
     * @param frameworkModel the model of the chat analysis (often {@code model} itself)
     * @param settings       the agent's settings
     * @param library        its prompts
     * @param retriever      its memory retrieval
     * @param generation     how every call generates
     * @param events         where parse outcomes and call counts are recorded
     * @param owned          resources the agent closes with itself (models it created)
     */
    LlmGovSimAgent(String id, ChatModel model, ChatModel frameworkModel, LlmAgentSettings settings,
                   PromptLibrary library, Retriever retriever, GenerationSettings generation,
                   EventSink events, List<AutoCloseable> owned) {
        this.id = Objects.requireNonNull(id, "id");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.library = Objects.requireNonNull(library, "library");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.events = Objects.requireNonNull(events, "events");
        this.caller = new ModelCaller(model, id, generation, counter, settings.limits());
        this.frameworkCaller = new ModelCaller(frameworkModel, id, generation, counter, settings.limits());
        this.owned = List.copyOf(owned);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void begin(GameSetup gameSetup) {
        this.setup = Objects.requireNonNull(gameSetup, "gameSetup");
        this.prompts = new AgentPrompts(library, gameSetup, settings.rulesRole(), settings.chainOfThought(),
                settings.layout(), settings.prefill().resolve(caller.spec()));
        this.remembering = new Remembering(id, memory, prompts, caller, settings.rateImportance(),
                settings.constrainedChoices(), events);
        this.turnParser = new TurnParser(settings.concludeWhenUnclear());
        this.monthStart = gameSetup.firstDay().withDayOfMonth(1);
    }

    @Override
    public HarvestDecision harvest(HarvestRequest request) {
        beginIfNeeded(request.context(), request.profile(), request.date(), request.universalization().isPresent());
        monthStart = request.date().withDayOfMonth(1);
        LocalDateTime now = MemoryClock.at(request.date());
        LocalDateTime monthEnd = MemoryClock.monthEnd(reflectionDay());
        request.events().forEach(text -> remembering.always(MemoryKind.EVENT, text, now, monthEnd));
        int month = request.context().month();
        if (request.pool() <= 0) {
            return HarvestDecision.of(0, "the pool is empty, so " + request.profile().name() + " takes nothing");
        }
        List<MemoryNode> recalled = retriever.retrieve(memory.retrievable(now), List.of(setup.scenario().location()),
                settings.harvestMemoriesFor(setup.scenario()));
        String memories = MemoryFormat.dated(recalled);
        HarvestParse parse = new HarvestAsk(id, settings, caller, events).ask(prompts, request.date(), request.pool(),
                memories, month);
        return parse.toDecision();
    }

    @Override
    public void observeOutcome(HarvestOutcome outcome) {
        requireBegun();
        if (outcome.text().isBlank()) {
            return;
        }
        remembering.always(MemoryKind.EVENT, outcome.text(), MemoryClock.outcomeTime(reflectionDay().minusDays(1)),
                MemoryClock.monthEnd(reflectionDay()));
    }

    @Override
    public Utterance speak(TurnRequest request) {
        beginIfNeeded(request.context(), request.profile(), request.date(), false);
        LocalDateTime now = MemoryClock.at(request.date());
        List<String> focal = new ArrayList<>();
        focal.add("");
        List<ConversationEntry> chat = request.conversation();
        chat.subList(Math.max(0, chat.size() - 4), chat.size()).forEach(e -> focal.add(e.text()));
        List<MemoryNode> recalled = retriever.retrieve(memory.retrievable(now), focal, settings.turnMemories());
        String memories = MemoryFormat.dated(recalled);
        int month = request.context().month();
        ParsedTurn turn;
        String answer;
        if (settings.constrainedChoices()) {
            int limit = settings.limits().maxTokens();
            answer = caller.ask(prompts.structuredTurn(request.date(), request.participants(), chat, memories),
                    CallPurpose.UTTERANCE, month, StructuredTurn.format(request.participants(), limit));
            turn = StructuredTurn.parse(answer, request.participants(), settings.concludeWhenUnclear());
        } else {
            answer = caller.ask(prompts.turn(request.date(), request.participants(), chat, memories),
                    CallPurpose.UTTERANCE, month, null, prompts.prefix("turn"));
            turn = turnParser.parse(answer, request.participants());
        }
        if (!turn.conclusionRead() || (!turn.concludes() && turn.nextSpeaker().isEmpty())) {
            events.emit("govsim.llm.turn", Map.of("agent", id, "month", month,
                    "conclusionRead", turn.conclusionRead(), "concludes", turn.concludes(),
                    "nextSpeaker", turn.nextSpeaker().orElse(""), "raw", answer));
        }
        return turn.toUtterance();
    }

    @Override
    public void afterDiscussion(DiscussionOutcome outcome) {
        requireBegun();
        int month = outcome.context().month();
        LocalDateTime now = MemoryClock.at(outcome.date());
        LocalDateTime expires = now.plusDays(settings.thoughtDays());
        String summary = outcome.analysis().summary();
        if (!summary.isBlank()) {
            remembering.rated(MemoryKind.CHAT, summary, now, expires, month);
        }
        List<String> participants = outcome.context().presentNames();
        LocalDateTime thoughtsAt = settings.originalThoughtClock() && !openedChat(outcome) ? MemoryClock.at(monthStart)
                : now;
        for (String kind : List.of("chat-plan", "chat-memo")) {
            String answer = caller.ask(prompts.chatThought(kind, outcome.date(), participants, outcome.conversation()),
                    CallPurpose.CHAT_THOUGHT, month, null, prompts.prefix(kind));
            String thought = SentenceParser.firstSentence(answer);
            if (!thought.isBlank()) {
                remembering.rated(MemoryKind.THOUGHT, thought, thoughtsAt, thoughtsAt.plusDays(settings.thoughtDays()),
                        month);
            }
        }
        outcome.limitSentence().ifPresent(text -> remembering.always(MemoryKind.THOUGHT, text, now, expires));
    }

    /** Returns whether this agent spoke first in the chat (the original's conversation initiator). */
    private boolean openedChat(DiscussionOutcome outcome) {
        return outcome.conversation().stream().filter(e -> !e.isMayor()).findFirst()
                .map(e -> e.speakerId().equals(id)).orElse(false);
    }

    @Override
    public Reflection reflect(ReflectionRequest request) {
        beginIfNeeded(request.context(), request.profile(), request.date(), false);
        int month = request.context().month();
        LocalDateTime now = MemoryClock.at(request.date());
        List<MemoryNode> recalled = retriever.retrieve(memory.retrievable(now), request.focus(),
                settings.reflectionMemories());
        Reflection reflection = Reflection.none();
        if (!recalled.isEmpty()) {
            String answer = caller.ask(prompts.insights(MemoryFormat.numbered(recalled)), CallPurpose.INSIGHTS, month,
                    null, prompts.prefix("insights"));
            List<String> insights = InsightParser.parse(answer);
            LocalDateTime expires = now.plusDays(settings.thoughtDays());
            insights.forEach(text -> remembering.rated(MemoryKind.THOUGHT, text, now, expires, month));
            reflection = new Reflection(insights, answer);
        }
        Map<String, Integer> byPurpose = new HashMap<>();
        counter.byPurpose(month).forEach((purpose, n) -> byPurpose.put(purpose.label(), n));
        events.emit("govsim.llm.calls", Map.of("agent", id, "month", month, "calls", counter.total(month),
                "byPurpose", byPurpose));
        return reflection;
    }

    @Override
    public Optional<ConversationAnalyst> analyst() {
        return Optional.of(new FrameworkAnalyst(library, settings.chainOfThought(), settings.layout(),
                frameworkCaller));
    }

    @Override
    public Optional<String> saveState() {
        return Optional.of(AgentStateJson.write(memory, counter));
    }

    @Override
    public void restoreState(String state) {
        AgentStateJson.read(state, memory, counter);
    }

    /** Returns the agent's model calls (framework calls it hosted included), per month and purpose. */
    public CallCounter modelCalls() {
        return counter;
    }

    /** Returns the agent's memories, in creation order. */
    public List<MemoryNode> memories() {
        return memory.all();
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                events.emit("govsim.llm.close-failed", Map.of("agent", id, "error", String.valueOf(e.getMessage())));
            }
        }
    }

    private LocalDate reflectionDay() {
        return monthStart.withDayOfMonth(monthStart.lengthOfMonth());
    }

    /**
     * Derives the rules from the first request when the environment skipped {@link #begin} (the generic pipeline's
     * view of GovSim does): the society is the month's present agents and the capacity the original's 100.
     */
    private void beginIfNeeded(MonthContext context, AgentProfile profile, LocalDate date, boolean universalization) {
        if (setup == null) {
            begin(new GameSetup(context.scenario(), profile, context.presentNames(), DEFAULT_CAPACITY,
                    DEFAULT_HORIZON, context.communication(), universalization, date));
        }
    }

    private void requireBegun() {
        if (setup == null) {
            throw new IllegalStateException("agent " + id + " was not told the rules: the environment must call "
                    + "begin(GameSetup) before the first month");
        }
    }
}
