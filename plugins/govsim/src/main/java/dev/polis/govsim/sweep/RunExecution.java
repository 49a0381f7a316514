package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.RunFolders;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimGame;
import dev.polis.govsim.game.Personas;
import dev.polis.govsim.game.Seat;
import dev.polis.govsim.metrics.MetricsCalculator;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.api.agent.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays one run of a sweep with its records: skips it when finished, resumes it from its last saved month. Each
 * run gets a {@link RunScope}: its agents' events are written to its {@code events.jsonl} with the month they
 * belong to, and the calls of models created in its context to its {@code calls.jsonl}.
 */
final class RunExecution {

    private final SweepOptions options;
    private final AgentFactory agents;
    private final RunFolders folders;
    private final ExecutorService harvestExecutor;

    RunExecution(SweepOptions options, AgentFactory agents, RunFolders folders, ExecutorService harvestExecutor) {
        this.options = options;
        this.agents = agents;
        this.folders = folders;
        this.harvestExecutor = harvestExecutor;
    }

    /**
     * Plays {@code spec}; any failure of this run (an unreadable record, a model that cannot be reached or closed)
     * ends it as failed with the reason, leaving the other runs of the sweep to go on. Only a run folder locked by
     * another process stops the sweep ({@link dev.polis.api.InvalidInputException}).
     */
    RunOutcome run(RunSpec spec) {
        GovSimConfig config = config(spec);
        MetricsCalculator calculator = calculator(config);
        RunStore store = new RunStore(folders, options.runs(), spec);
        try {
            return runIn(spec, config, calculator, store);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                store.fail(reason);
            } catch (RuntimeException again) {
                reason += " (and run.json could not be written: " + again.getMessage() + ")";
            }
            return new RunOutcome(spec, GameState.initial(config, spec.society().members().size()), null, reason,
                    RunOutcome.Resumed.FRESH);
        } finally {
            store.close();
        }
    }

    private RunOutcome runIn(RunSpec spec, GovSimConfig config, MetricsCalculator calculator, RunStore store) {
        if (store.finished()) {
            GameState state = store.finalState();
            return new RunOutcome(spec, state, calculator.compute(state.months()), null, RunOutcome.Resumed.SKIPPED);
        }
        GameState start = store.savedState().orElse(null);
        RunOutcome.Resumed how = start == null ? RunOutcome.Resumed.FRESH : RunOutcome.Resumed.CONTINUED;
        RunScope scope = new RunScope(spec, store.directory());
        try {
            return play(spec, config, calculator, store, scope, start, how);
        } finally {
            scope.close();
            store.events(scope.events().drain());
        }
    }

    private RunOutcome play(RunSpec spec, GovSimConfig config, MetricsCalculator calculator, RunStore store,
                            RunScope scope, GameState start, RunOutcome.Resumed how) {
        List<Seat> seats = seats(spec, config, scope);
        store.start(spec);
        List<String> members = new ArrayList<>();
        List<Map<String, Object>> settings = new ArrayList<>();
        members(spec, members, settings);
        store.resolvedConfig(EquivalentPipeline.yaml(spec, config, members, settings, options.runs()));
        GovSimGame game = new GovSimGame(config, seats, harvestExecutor);
        GameState state = start == null ? game.initialState() : start;
        AtomicReference<GameState> saved = new AtomicReference<>(state);
        try {
            state = game.play(state, (month, after) -> {
                store.month(month, after, scope.events().drain());
                saved.set(after);
            });
        } catch (RuntimeException e) {
            scope.events().drain(); // the unfinished month's events: a resumed run plays that month, and emits them, again
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            store.fail(reason);
            return new RunOutcome(spec, saved.get(), null, reason, how);
        } finally {
            seats.forEach(seat -> seat.agent().close());
        }
        store.events(scope.events().drain());
        RunMetrics metrics = calculator.compute(state.months());
        store.finish(metrics);
        return new RunOutcome(spec, state, metrics, null, how);
    }

    GovSimConfig config(RunSpec spec) {
        return options.tuning().apply(GovSimConfig.defaults(spec.scenario(), spec.experiment(), spec.seed()));
    }

    static MetricsCalculator calculator(GovSimConfig config) {
        return MetricsCalculator.of(config);
    }

    /** Returns the run's seats; when one agent cannot be made, those made before it are closed. */
    private List<Seat> seats(RunSpec spec, GovSimConfig config, RunScope scope) {
        List<Seat> seats = new ArrayList<>();
        try {
            addSeats(spec, config, scope, seats);
        } catch (RuntimeException e) {
            seats.forEach(seat -> seat.agent().close());
            throw e;
        }
        return seats;
    }

    private void addSeats(RunSpec spec, GovSimConfig config, RunScope scope, List<Seat> seats) {
        List<AgentProfile> profiles = profiles(spec, config);
        List<String> members = new ArrayList<>();
        List<Map<String, Object>> settings = new ArrayList<>();
        members(spec, members, settings);
        for (int i = 0; i < profiles.size(); i++) {
            AgentProfile profile = profiles.get(i);
            Agent agent = agents.create(members.get(i), settings.get(i), profile, scope);
            seats.add(new Seat(profile, agent, profile.newcomer() ? config.newcomerMonth() : 0));
        }
    }

    private static List<AgentProfile> profiles(RunSpec spec, GovSimConfig config) {
        boolean newcomer = spec.experiment().newcomer();
        int count = newcomer ? Math.max(5, spec.society().members().size()) : spec.society().members().size();
        return Personas.profiles(config.texts(), count, newcomer);
    }

    /** Fills each seat's member spec and settings; a policy society's newcomer plays the newcomer policy. */
    private void members(RunSpec spec, List<String> members, List<Map<String, Object>> settings) {
        for (AgentProfile profile : profiles(spec, config(spec))) {
            int index = Math.min(members.size(), spec.society().members().size() - 1);
            String member = spec.society().members().get(index);
            Map<String, Object> memberSettings = spec.society().settingsOf(index);
            if (profile.newcomer() && !member.startsWith("llm") && !member.startsWith(SocietySpec.AGENT_PREFIX)) {
                member = options.newcomerPolicy();
                memberSettings = Map.of();
            }
            members.add(member);
            settings.add(memberSettings);
        }
    }
}
