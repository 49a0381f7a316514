package dev.polis.govsim.game;

import dev.polis.api.env.Action;
import dev.polis.api.env.Observation;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;

/**
 * Plays one GovSim run for a sweep: drives {@link GovSimEnvironment} (the one engine, the same {@code polis run}
 * steps) with its seats' agents, asking the agents a phase addresses concurrently, and saving the agents' own
 * states with each finished month.
 *
 * <p>It starts from a {@link GameState} (the initial one, or one saved after a finished month) and hands every
 * finished month to a {@link MonthListener} before playing the next, so a run that is interrupted resumes from its
 * last finished month. Not thread-safe: one game per thread.
 */
public final class GovSimGame {

    /** The first day of the shared calendar. */
    public static final LocalDate START = LocalDate.of(2024, 1, 1);

    private final GovSimConfig config;
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final ExecutorService executor;
    private final GovSimEnvironment environment;
    private final List<String> begun = new ArrayList<>();
    private Map<String, Observation> pending;
    private GameState current;

    /**
     * Creates a game.
     *
     * @param executor runs the agents of one phase concurrently; {@code null} calls them one after another
     */
    public GovSimGame(GovSimConfig config, List<Seat> seats, ExecutorService executor) {
        this.config = config;
        seats.forEach(seat -> this.seats.put(seat.profile().id(), seat));
        this.executor = executor;
        // the sweep scores the months itself (with the run's records), so the environment's metrics stay unused
        this.environment = new GovSimEnvironment(config, seats.stream().map(Seat::profile).toList(), months -> Map.of());
    }

    /** Returns the fresh state for this game. */
    public GameState initialState() {
        return GameState.initial(config, environment.thresholdCount(0));
    }

    /** Plays from {@code state} until the run ends, telling {@code listener} after each month. */
    public GameState play(GameState state, MonthListener listener) {
        GameState now = state;
        while (!now.done()) {
            now = playMonth(now);
            listener.monthFinished(now.months().get(now.months().size() - 1), now);
        }
        return now;
    }

    /** Plays the month {@code state.nextMonth()} and returns the state after it. */
    public GameState playMonth(GameState state) {
        if (state != current) {
            current = state;
            begun.clear();
            pending = environment.resume(state);
        }
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the run was cancelled");
            }
            Map<String, Observation> asked = pending;
            List<String> ids = new ArrayList<>(asked.keySet());
            List<Action> answers = Calls.each(ids, id -> act(id, asked.get(id)), executor);
            Map<String, Action> actions = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                actions.put(ids.get(i), answers.get(i));
            }
            pending = environment.step(actions).observations();
            if (environment.finishedMonth().isPresent()) {
                GameState after = environment.state();
                current = after.withAgentStates(saveStates(state));
                return current;
            }
        }
    }

    private Action act(String id, Observation observation) {
        Seat seat = seats.get(id);
        Action action = seat.agent().act(observation);
        if (Phase.BEGIN.id().equals(observation.data().get(Phase.KEY))) {
            String saved = current.agentStates().get(id);
            if (saved != null && seat.agent() instanceof GovSimAgent agent) {
                agent.restoreState(saved);
            }
            synchronized (begun) {
                begun.add(id);
            }
        }
        return action;
    }

    private Map<String, String> saveStates(GameState state) {
        Map<String, String> states = new LinkedHashMap<>(state.agentStates());
        for (Seat seat : seats.values()) {
            if (begun.contains(seat.profile().id()) && seat.agent() instanceof GovSimAgent agent) {
                agent.saveState().ifPresent(s -> states.put(seat.profile().id(), s));
            }
        }
        return states;
    }
}
