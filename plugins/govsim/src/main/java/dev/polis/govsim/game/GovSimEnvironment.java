package dev.polis.govsim.game;

import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationAnalysis;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.MonthContext;
import dev.polis.govsim.protocol.Phase;
import dev.polis.govsim.text.GameTexts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * GovSim's one engine: a commons played month by month through the core {@link Environment} contract, by
 * {@code polis run} and {@code polis govsim} alike.
 *
 * <p>A month is a sequence of phases ({@link Phase}): each step's observations go only to the agents the phase
 * addresses (every present agent at once for the harvest, the outcome, the discussion outcome and the reflection;
 * one speaker at a time in the chat; the first present agent for the chat's analysis), and each observation says
 * its phase under {@link Phase#KEY} and carries the protocol request under
 * {@link dev.polis.govsim.protocol.GovSimAgent#REQUEST_KEY}; a harvest observation also carries {@code pool},
 * {@code month}, {@code threshold} and {@code agents} for generic agents. The step that ends the harvest rewards each agent with
 * what it received. Between months the whole game is a {@link GameState}: {@link #state()} saves it and
 * {@link #resume} continues from it. Not thread-safe.
 */
public final class GovSimEnvironment implements Environment {

    private final GovSimConfig base;
    private final List<AgentProfile> profiles;
    private final Phases phases;
    private final Function<List<MonthRecord>, Map<String, Double>> scoring;
    private final Set<String> begun = new HashSet<>();
    private GovSimConfig config;
    private GameState state;
    private MonthInProgress month;
    private MonthRecord finished;
    private GameTexts texts;

    /**
     * Creates the environment for the personas {@code profiles} (a newcomer joins at the configured month).
     *
     * @param scoring turns the finished months into {@link #metrics()} (the plugin's metrics calculator)
     */
    public GovSimEnvironment(GovSimConfig config, List<AgentProfile> profiles,
                             Function<List<MonthRecord>, Map<String, Double>> scoring) {
        this.scoring = scoring;
        this.base = config;
        this.config = config;
        this.profiles = List.copyOf(profiles);
        this.phases = new Phases(this);
    }

    /**
     * Creates the environment for configured agent ids: persona names in order, the last agent the newcomer
     * when the experiment has one.
     */
    public static GovSimEnvironment forAgents(GovSimConfig config, List<String> agentIds,
                                              Function<List<MonthRecord>, Map<String, Double>> scoring) {
        List<AgentProfile> named = Personas.profiles(config.texts(), agentIds.size(), config.experiment().newcomer());
        List<AgentProfile> profiles = new ArrayList<>();
        for (int i = 0; i < agentIds.size(); i++) {
            AgentProfile p = named.get(i);
            profiles.add(new AgentProfile(agentIds.get(i), p.name(), p.goal(), p.newcomer()));
        }
        return new GovSimEnvironment(config, profiles, scoring);
    }

    @Override
    public List<String> agentIds() {
        return profiles.stream().map(AgentProfile::id).toList();
    }

    @Override
    public Map<String, Observation> reset(long seed) {
        config = base.withSeed(seed);
        return resume(GameState.initial(config, thresholdCount(0)));
    }

    /** Continues from a state saved between months; every present agent is sent the rules again. */
    public Map<String, Observation> resume(GameState saved) {
        state = saved;
        begun.clear();
        finished = null;
        month = null;
        return saved.done() ? Map.of() : advance(startMonth());
    }

    @Override
    public StepResult step(Map<String, Action> actions) {
        finished = null;
        if (month == null) {
            return new StepResult(Map.of(), Map.of(), true, Map.of("done", true));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put(Phase.KEY, month.phase.id());
        info.put("month", month.month());
        Map<String, Double> rewards = new LinkedHashMap<>();
        Map<String, Observation> next = advance(phases.answer(month, actions == null ? Map.of() : actions, rewards,
                info));
        if (finished != null) {
            info.put("month_finished", finished.month());
        }
        return new StepResult(next, rewards, state.done(), info);
    }

    /** Returns the state after the last finished month (the agents' own states are the caller's to add). */
    public GameState state() {
        return state;
    }

    /** Returns whether the run has ended (collapse or horizon). */
    public boolean done() {
        return state != null && state.done();
    }

    /** Returns the month the last step finished, if it finished one. */
    public Optional<MonthRecord> finishedMonth() {
        return Optional.ofNullable(finished);
    }

    @Override
    public Map<String, Double> metrics() {
        return state == null ? Map.of() : scoring.apply(state.months());
    }

    /** Returns the configuration of the current episode (the run's seed applied). */
    public GovSimConfig config() {
        return config;
    }

    List<AgentProfile> profiles() {
        return profiles;
    }

    GameState current() {
        return state;
    }

    /** Marks {@code id} as having received the rules; returns whether it had not yet. */
    boolean begin(String id) {
        return begun.add(id);
    }

    /** Returns whether {@code id} has received the rules. */
    boolean isBegun(String id) {
        return begun.contains(id);
    }

    /** Asks the next phases until one addresses an agent or the run ends. */
    private Map<String, Observation> advance(Map<String, Observation> observations) {
        Map<String, Observation> next = observations;
        while (next == null) {
            if (month == null) {
                if (state.done()) {
                    return Map.of();
                }
                next = startMonth();
                continue;
            }
            next = phases.answer(month, Map.of(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        return next;
    }

    /** Starts month {@code state.nextMonth()}: its rules for agents that have none yet, else the harvest. */
    private Map<String, Observation> startMonth() {
        int m = state.nextMonth();
        List<AgentProfile> present = profiles.stream().filter(p -> joinMonth(p) <= m).toList();
        MonthContext context = new MonthContext(config.scenario(), m, GovSimGame.START.plusMonths(m), state.pool(),
                present.stream().map(AgentProfile::name).toList(), state.threshold(),
                Dynamics.groupThreshold(state.pool()), config.experiment().communication());
        month = new MonthInProgress(context, present);
        return phases.first(month);
    }

    /** Ends the month: records it, regrows the pool and sets the next threshold. */
    void finishMonth() {
        MonthRecord record = month.record();
        int next = Dynamics.regrow(month.left, config.capacity());
        boolean done = month.collapsed || month.month() + 1 >= config.horizon();
        state = state.next(record, next, Dynamics.perAgentThreshold(next, thresholdCount(month.month() + 1)), done,
                state.agentStates());
        finished = record;
        month = null;
    }

    /** Returns the first month {@code profile} plays. */
    int joinMonth(AgentProfile profile) {
        return profile.newcomer() ? config.newcomerMonth() : 0;
    }

    /** Counts the agents the per-agent threshold divides by in {@code m} (quirk 9 keeps the locals' count). */
    int thresholdCount(int m) {
        long present = profiles.stream().filter(p -> joinMonth(p) <= m).count();
        if (config.experiment().newcomer() && config.newcomerKeepsLocalCount()) {
            present = profiles.stream().filter(p -> !p.newcomer()).count();
        }
        return (int) Math.max(1, present);
    }

    /** Returns the analysis an {@link Phase#ANALYSIS} action carries. */
    static ConversationAnalysis analysis(Action action) {
        if (action == null) {
            return ConversationAnalysis.none();
        }
        Object limit = action.data().get("limit");
        return new ConversationAnalysis(String.valueOf(action.data().getOrDefault("summary", "")),
                limit instanceof Number n ? Optional.of(n.intValue()) : Optional.empty(),
                String.valueOf(action.data().getOrDefault("raw_summary", "")),
                String.valueOf(action.data().getOrDefault("raw_limit", "")));
    }

    /** Returns the environment's texts, from the configuration's prompt pack (made once per pack). */
    GameTexts texts() {
        if (texts == null || !texts.pack().folder().equals(config.prompts())) {
            texts = config.texts();
        }
        return texts;
    }

    /** Returns the Mayor's report that opens the chat. */
    ConversationEntry mayorReport(MonthInProgress m) {
        GameTexts texts = texts();
        StringBuilder report = new StringBuilder(texts.reportOpening());
        for (int i = 0; i < m.present.size(); i++) {
            report.append(' ').append(texts.reportLine(m.present.get(i).name(), m.got[i]));
        }
        return new ConversationEntry(ConversationEntry.MAYOR_ID, ConversationEntry.MAYOR_NAME, report.toString());
    }
}
