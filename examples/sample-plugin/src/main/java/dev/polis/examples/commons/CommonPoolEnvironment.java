package dev.polis.examples.commons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import dev.polis.api.InvalidInputException;
import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;

/**
 * A lake shared by several fishers: each month every agent asks to take some fish, the lake regrows, and the game
 * ends when the stock collapses or the months run out.
 *
 * <p>An action carries the amount in its data under {@code take}. When the requests exceed the stock, they are
 * served in a random order drawn from the episode's seed until the lake is empty. After the catch, a stock below
 * {@link CommonsRules#collapseBelow()} ends the game; otherwise it grows by the regrowth factor up to the capacity.
 */
final class CommonPoolEnvironment implements Environment {

    private final CommonsRules rules;
    private final List<String> agentIds;
    private final Map<String, Double> gains = new LinkedHashMap<>();
    private RandomGenerator random = new SplittableRandom(0);
    private double stock;
    private int month;
    private int survivalMonths;
    private boolean done;
    private boolean started;

    CommonPoolEnvironment(CommonsRules rules, List<String> agentIds) {
        if (agentIds.isEmpty()) {
            throw new InvalidInputException("example.commons needs at least one agent");
        }
        this.rules = rules;
        this.agentIds = List.copyOf(agentIds);
    }

    @Override
    public List<String> agentIds() {
        return agentIds;
    }

    @Override
    public Map<String, Observation> reset(long seed) {
        random = new SplittableRandom(seed);
        stock = rules.capacity();
        month = 1;
        survivalMonths = 0;
        done = false;
        started = true;
        agentIds.forEach(id -> gains.put(id, 0.0));
        return observations(Map.of());
    }

    @Override
    public StepResult step(Map<String, Action> actions) {
        if (!started) {
            throw new IllegalStateException("example.commons: call reset before step");
        }
        if (done) {
            throw new IllegalStateException("example.commons: the episode ended after month " + survivalMonths
                    + "; call reset to start a new one");
        }
        Map<String, Double> caught = harvest(requests(actions));
        caught.forEach((id, amount) -> gains.merge(id, amount, Double::sum));
        double afterHarvest = stock;
        boolean collapsed = afterHarvest < rules.collapseBelow();
        survivalMonths = month;
        if (collapsed || month >= rules.months()) {
            done = true;
        } else {
            stock = Math.min(rules.capacity(), stock * rules.regrowth());
            month++;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("month", survivalMonths);
        info.put("stockAfterHarvest", round(afterHarvest));
        info.put("collapsed", collapsed);
        return new StepResult(done ? Map.of() : observations(caught), caught, done, info);
    }

    @Override
    public Map<String, Double> metrics() {
        double total = gains.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("survivalMonths", (double) survivalMonths);
        metrics.put("totalGain", total);
        metrics.put("equality", Equality.of(gains.values()));
        metrics.put("stock", stock);
        return metrics;
    }

    private Map<String, Double> requests(Map<String, Action> actions) {
        Map<String, Double> requests = new LinkedHashMap<>();
        for (String id : agentIds) {
            Action action = actions.get(id);
            Object take = action == null ? null : action.data().get("take");
            requests.put(id, amount(id, take));
        }
        return requests;
    }

    private static double amount(String agentId, Object take) {
        if (take == null) {
            return 0;
        }
        double value;
        if (take instanceof Number number) {
            value = number.doubleValue();
        } else {
            try {
                value = Double.parseDouble(String.valueOf(take).trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(agentId + ".take: expected a number of tonnes but found '" + take + "'", e);
            }
        }
        return Double.isFinite(value) ? Math.max(0, value) : 0;
    }

    private Map<String, Double> harvest(Map<String, Double> requests) {
        double asked = requests.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> caught = new LinkedHashMap<>();
        if (asked <= stock) {
            caught.putAll(requests);
            stock -= asked;
            return caught;
        }
        List<String> order = new ArrayList<>(agentIds);
        Collections.shuffle(order, random);
        agentIds.forEach(id -> caught.put(id, 0.0));
        for (String id : order) {
            double granted = Math.min(requests.get(id), stock);
            caught.put(id, granted);
            stock -= granted;
        }
        return caught;
    }

    private Map<String, Observation> observations(Map<String, Double> caught) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        for (String id : agentIds) {
            double last = caught.getOrDefault(id, 0.0);
            String text = String.format(Locale.ROOT,
                    "Month %d of %d. The lake holds %.1f tonnes of fish (capacity %.1f); after each month it grows by a "
                            + "factor of %.1f up to capacity, and it collapses if fewer than %.0f tonnes remain. There are "
                            + "%d fishers. Last month you caught %.1f tonnes. How many tonnes do you take?",
                    month, rules.months(), stock, rules.capacity(), rules.regrowth(), rules.collapseBelow(),
                    agentIds.size(), last);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("pool", round(stock));
            data.put("capacity", rules.capacity());
            data.put("month", month);
            data.put("months", rules.months());
            data.put("agents", agentIds.size());
            data.put("caught", last);
            observations.put(id, new Observation(id, text, data));
        }
        return observations;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
