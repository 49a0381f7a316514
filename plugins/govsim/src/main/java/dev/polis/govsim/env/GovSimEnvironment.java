package dev.polis.govsim.env;

import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.Dynamics;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.GovSimGame;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.game.Personas;
import dev.polis.govsim.game.StochasticAllocation;
import dev.polis.govsim.metrics.MetricsCalculator;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.MonthContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GovSim commons behind the generic {@link Environment} interface: one step is one month's harvest.
 *
 * <p>The generic pipeline has no group phases, so this view plays the no-discussion cycle (harvest, own outcome,
 * regrowth); the full month with discussion and reflection runs through {@code polis govsim} and
 * {@link GovSimGame}. Each observation carries a {@link HarvestRequest} under {@link GovSimAgent#REQUEST_KEY} and
 * the plain values {@code pool}, {@code month} and {@code threshold}; an action's amount is read from its
 * {@code harvest} data, else from the first number in its text.
 */
public final class GovSimEnvironment implements Environment {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final GovSimConfig base;
    private final List<String> agentIds;
    private final List<AgentProfile> profiles;
    private GovSimConfig config;
    private int pool;
    private int threshold;
    private int month;
    private final List<MonthRecord> months = new ArrayList<>();

    /** Creates the environment for {@code agentIds}. */
    public GovSimEnvironment(GovSimConfig config, List<String> agentIds) {
        this.base = config;
        this.config = config;
        this.agentIds = List.copyOf(agentIds);
        List<AgentProfile> named = Personas.profiles(config.scenario(), agentIds.size(), false);
        this.profiles = new ArrayList<>();
        for (int i = 0; i < agentIds.size(); i++) {
            profiles.add(new AgentProfile(agentIds.get(i), named.get(i).name(), "", false));
        }
    }

    @Override
    public List<String> agentIds() {
        return agentIds;
    }

    @Override
    public Map<String, Observation> reset(long seed) {
        config = base.withSeed(seed);
        pool = config.initialPool();
        threshold = config.fixedInitialThreshold() ? 10 : Dynamics.perAgentThreshold(pool, agentIds.size());
        month = 0;
        months.clear();
        return observations();
    }

    @Override
    public StepResult step(Map<String, Action> actions) {
        int[] wanted = new int[agentIds.size()];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = Math.max(0, amount(actions.get(agentIds.get(i))));
            if (config.clampRequests()) {
                wanted[i] = Math.min(wanted[i], pool);
            }
        }
        int[] got = StochasticAllocation.allocate(wanted, pool, StochasticAllocation.monthRandom(config.seed(), month));
        int left = pool;
        Map<String, Double> rewards = new LinkedHashMap<>();
        List<AgentMonth> agents = new ArrayList<>();
        for (int i = 0; i < got.length; i++) {
            left -= got[i];
            rewards.put(agentIds.get(i), (double) got[i]);
            Action action = actions.get(agentIds.get(i));
            agents.add(new AgentMonth(agentIds.get(i), profiles.get(i).name(), wanted[i], got[i],
                    action == null ? "" : action.text(), "ACTION", List.of()));
        }
        boolean collapsed = config.collapseRule().collapsed(left, config.collapseThreshold());
        months.add(new MonthRecord(month, pool, left, threshold, agents, List.of(), "", null, collapsed));
        Map<String, Object> info = Map.of("month", month, "pool_before", pool, "pool_after", left,
                "collapsed", collapsed);
        month++;
        pool = Dynamics.regrow(left, config.capacity());
        threshold = Dynamics.perAgentThreshold(pool, agentIds.size());
        boolean done = collapsed || month >= config.horizon();
        return new StepResult(done ? Map.of() : observations(), rewards, done, info);
    }

    @Override
    public Map<String, Double> metrics() {
        return new MetricsCalculator(config.horizon(), config.initialPool() / 2, config.collapseThreshold(),
                config.collapseRule() == dev.polis.govsim.game.CollapseRule.PAPER).compute(months).asMap();
    }

    private Map<String, Observation> observations() {
        MonthContext context = new MonthContext(config.scenario(), month, GovSimGame.START.plusMonths(month), pool,
                profiles.stream().map(AgentProfile::name).toList(), threshold, Dynamics.groupThreshold(pool), false);
        Map<String, Observation> out = new LinkedHashMap<>();
        for (AgentProfile profile : profiles) {
            List<String> events = new ArrayList<>(List.of(config.scenario().poolSentence(pool)));
            Optional<String> hint = config.experiment().universalization()
                    ? Optional.of(config.scenario().universalizationSentence(threshold)) : Optional.empty();
            hint.ifPresent(events::add);
            HarvestRequest request = new HarvestRequest(context, profile, context.monthStart(), pool, events, hint,
                    List.of());
            out.put(profile.id(), new Observation(profile.id(), String.join(" ", events), Map.of(
                    GovSimAgent.REQUEST_KEY, request, "pool", pool, "month", month, "threshold", threshold)));
        }
        return out;
    }

    private static int amount(Action action) {
        if (action == null) {
            return 0;
        }
        Object value = action.data().get(GovSimAgent.HARVEST_KEY);
        if (value instanceof Number n) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, n.longValue()));
        }
        Matcher m = DIGITS.matcher(action.text());
        if (!m.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
