package dev.polis.govsim.game;

import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationAnalysis;
import dev.polis.govsim.protocol.ConversationAnalyst;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.DiscussionOutcome;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestOutcome;
import dev.polis.govsim.protocol.HarvestRecord;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.MonthContext;
import dev.polis.govsim.protocol.ParseStatus;
import dev.polis.govsim.protocol.Reflection;
import dev.polis.govsim.protocol.ReflectionRequest;
import dev.polis.govsim.protocol.TurnRequest;
import dev.polis.govsim.protocol.Utterance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Plays one GovSim run month by month: harvest (simultaneous), own outcome, discussion, reflection, regrowth.
 *
 * <p>It starts from a {@link GameState} (the initial one, or one saved after a finished month) and hands every
 * finished month to a {@link MonthListener} before playing the next, so a run that is interrupted resumes from its
 * last finished month. Not thread-safe: one game per thread.
 */
public final class GovSimGame {

    /** The first day of the shared calendar. */
    public static final LocalDate START = LocalDate.of(2024, 1, 1);

    private final GovSimConfig config;
    private final List<Seat> seats;
    private final ExecutorService executor;
    private final Set<String> begun = new HashSet<>();

    /**
     * Creates a game.
     *
     * @param executor runs the agents of one phase concurrently; {@code null} calls them one after another
     */
    public GovSimGame(GovSimConfig config, List<Seat> seats, ExecutorService executor) {
        this.config = config;
        this.seats = List.copyOf(seats);
        this.executor = executor;
    }

    /** Returns the fresh state for this game. */
    public GameState initialState() {
        return GameState.initial(config, thresholdCount(0));
    }

    /** Plays from {@code state} until the run ends, telling {@code listener} after each month. */
    public GameState play(GameState state, MonthListener listener) {
        GameState current = state;
        while (!current.done()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("the run was cancelled");
            }
            current = playMonth(current);
            listener.monthFinished(current.months().get(current.months().size() - 1), current);
        }
        return current;
    }

    /** Plays the month {@code state.nextMonth()} and returns the state after it. */
    public GameState playMonth(GameState state) {
        int month = state.nextMonth();
        List<Seat> present = seats.stream().filter(s -> s.joinMonth() <= month).toList();
        MonthContext context = new MonthContext(config.scenario(), month, START.plusMonths(month), state.pool(),
                present.stream().map(s -> s.profile().name()).toList(), state.threshold(),
                Dynamics.groupThreshold(state.pool()), config.experiment().communication());
        beginNewcomers(present, state);

        List<HarvestDecision> decisions = Calls.each(present, seat -> decide(seat, context, state), executor);
        int[] wanted = new int[present.size()];
        for (int i = 0; i < wanted.length; i++) {
            int amount = Math.max(0, decisions.get(i).amount());
            wanted[i] = config.clampRequests() ? Math.min(amount, state.pool()) : amount;
        }
        int[] got = StochasticAllocation.allocate(wanted, state.pool(),
                StochasticAllocation.monthRandom(config.seed(), month));
        int left = state.pool();
        for (int g : got) {
            left -= g;
        }
        boolean collapsed = config.collapseRule().collapsed(left, config.collapseThreshold());
        for (int i = 0; i < present.size(); i++) {
            Seat seat = present.get(i);
            seat.agent().observeOutcome(new HarvestOutcome(context, wanted[i], got[i], left,
                    config.scenario().outcomeSentence(seat.profile().name(), wanted[i], got[i])));
        }

        List<ConversationEntry> chat = List.of();
        ConversationAnalysis analysis = ConversationAnalysis.none();
        if (config.experiment().communication() && !present.isEmpty()) {
            chat = new Discussion(config, present, context).run(got, date(present.get(0), month));
            analysis = present.get(0).agent().analyst().orElse(ConversationAnalyst.none()).analyze(context, chat);
            ConversationAnalysis done = analysis;
            List<ConversationEntry> transcript = chat;
            Optional<String> limitSentence = analysis.agreedLimit().map(config.scenario()::agreedLimitSentence);
            Calls.each(present, seat -> {
                seat.agent().afterDiscussion(new DiscussionOutcome(context,
                        date(seat, month).withDayOfMonth(context.discussionDay().getDayOfMonth()), transcript, done,
                        limitSentence));
                return null;
            }, executor);
        }
        List<Reflection> reflections = Calls.each(present, seat -> seat.agent().reflect(new ReflectionRequest(context,
                seat.profile(), endOfMonth(date(seat, month)), List.of("harvesting"))), executor);

        List<AgentMonth> agents = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            Seat seat = present.get(i);
            agents.add(new AgentMonth(seat.profile().id(), seat.profile().name(), wanted[i], got[i],
                    decisions.get(i).rawText(), decisions.get(i).status().name(), reflections.get(i).insights()));
        }
        MonthRecord record = new MonthRecord(month, state.pool(), left, state.threshold(), agents, chat,
                analysis.summary(), analysis.agreedLimit().orElse(null), collapsed);
        int next = Dynamics.regrow(left, config.capacity());
        boolean done = collapsed || month + 1 >= config.horizon();
        return state.next(record, next, Dynamics.perAgentThreshold(next, thresholdCount(month + 1)), done,
                saveStates(state));
    }

    private void beginNewcomers(List<Seat> present, GameState state) {
        for (Seat seat : present) {
            if (begun.add(seat.profile().id())) {
                seat.agent().begin(setup(seat));
                String saved = state.agentStates().get(seat.profile().id());
                if (saved != null) {
                    seat.agent().restoreState(saved);
                }
            }
        }
    }

    private GameSetup setup(Seat seat) {
        AgentProfile profile = seat.profile();
        return new GameSetup(config.scenario(), profile, seats.stream().map(s -> s.profile().name()).toList(),
                config.capacity(), config.horizon(), config.experiment().communication(),
                config.experiment().universalization(), date(seat, seat.joinMonth()));
    }

    private HarvestDecision decide(Seat seat, MonthContext context, GameState state) {
        if (state.pool() == 0) {
            return HarvestDecision.of(0, "the pool is empty; nothing to ask");
        }
        List<String> events = new ArrayList<>();
        events.add(config.scenario().poolSentence(state.pool()));
        Optional<String> hint = Optional.empty();
        if (config.experiment().universalization()) {
            hint = Optional.of(config.scenario().universalizationSentence(state.threshold()));
            events.add(hint.get());
        }
        List<HarvestRecord> history = new ArrayList<>();
        for (MonthRecord past : state.months()) {
            for (AgentMonth mine : past.agents()) {
                if (mine.agentId().equals(seat.profile().id())) {
                    history.add(new HarvestRecord(past.month(), past.poolBefore(), mine.wanted(), mine.received()));
                }
            }
        }
        HarvestDecision decision = seat.agent().harvest(new HarvestRequest(context, seat.profile(),
                date(seat, context.month()), state.pool(), events, hint, history));
        return decision == null ? new HarvestDecision(0, "", ParseStatus.NO_NUMBER) : decision;
    }

    private Map<String, String> saveStates(GameState state) {
        Map<String, String> states = new LinkedHashMap<>(state.agentStates());
        for (Seat seat : seats) {
            if (begun.contains(seat.profile().id())) {
                seat.agent().saveState().ifPresent(s -> states.put(seat.profile().id(), s));
            }
        }
        return states;
    }

    /** Counts the agents the per-agent threshold divides by in {@code month} (quirk 9 keeps the locals' count). */
    private int thresholdCount(int month) {
        long present = seats.stream().filter(s -> s.joinMonth() <= month).count();
        if (config.experiment().newcomer() && config.newcomerKeepsLocalCount()) {
            present = seats.stream().filter(s -> !s.profile().newcomer()).count();
        }
        return (int) Math.max(1, present);
    }

    /** Returns the agent's own first day of {@code month} (the newcomer's clock restarts under quirk 9). */
    LocalDate date(Seat seat, int month) {
        if (seat.profile().newcomer() && config.newcomerOwnClock()) {
            return START.plusMonths(Math.max(0, month - seat.joinMonth()));
        }
        return START.plusMonths(month);
    }

    private static LocalDate endOfMonth(LocalDate day) {
        return day.withDayOfMonth(day.lengthOfMonth());
    }

    /** Runs the group chat of one month. */
    private static final class Discussion {
        private final GovSimConfig config;
        private final List<Seat> present;
        private final MonthContext context;

        Discussion(GovSimConfig config, List<Seat> present, MonthContext context) {
            this.config = config;
            this.present = present;
            this.context = context;
        }

        List<ConversationEntry> run(int[] got, LocalDate firstDay) {
            StringBuilder report = new StringBuilder(config.scenario().reportOpening());
            for (int i = 0; i < present.size(); i++) {
                report.append(' ').append(config.scenario().reportLine(present.get(i).profile().name(), got[i]));
            }
            List<ConversationEntry> chat = new ArrayList<>();
            chat.add(new ConversationEntry(ConversationEntry.MAYOR_ID, ConversationEntry.MAYOR_NAME,
                    report.toString()));
            List<String> names = present.stream().map(s -> s.profile().name()).toList();
            Seat speaker = present.get(0);
            while (chat.size() < config.maxConversationEntries()) {
                int turnsLeft = config.maxConversationEntries() - chat.size() - 1;
                LocalDate day = firstDay.withDayOfMonth(context.discussionDay().getDayOfMonth());
                Utterance line = speaker.agent().speak(new TurnRequest(context, speaker.profile(), day, names,
                        chat, turnsLeft));
                if (line == null) {
                    break;
                }
                chat.add(new ConversationEntry(speaker.profile().id(), speaker.profile().name(), line.text()));
                if (line.concludes()) {
                    break;
                }
                String next = line.nextSpeaker().map(String::trim).orElse("");
                speaker = present.stream().filter(s -> s.profile().name().equalsIgnoreCase(next)).findFirst()
                        .orElse(present.get(0));
            }
            return chat;
        }
    }
}
