package dev.polis.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentContext;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import org.pf4j.Extension;

/** A tiny commons for pipeline tests: agents take from a stock; the episode ends when it is empty. */
@Extension
public class TestCommonsProvider implements EnvironmentProvider {

    @Override
    public String id() {
        return "test.commons";
    }

    @Override
    public Environment create(EnvironmentContext context) {
        return new Commons(context.agentIds(), context.settings().intValue("capacity", 100),
                context.settings().intValue("failAtStep", -1));
    }

    private static final class Commons implements Environment {
        private final List<String> agents;
        private final int failAtStep;
        private double stock;
        private int step;

        private Commons(List<String> agents, int capacity, int failAtStep) {
            this.agents = agents;
            this.stock = capacity;
            this.failAtStep = failAtStep;
        }

        @Override
        public List<String> agentIds() {
            return agents;
        }

        @Override
        public Map<String, Observation> reset(long seed) {
            step = 0;
            return observations();
        }

        @Override
        public StepResult step(Map<String, Action> actions) {
            step++;
            if (step == failAtStep) {
                throw new IllegalStateException("the commons broke at step " + step);
            }
            Map<String, Double> rewards = new LinkedHashMap<>();
            for (Action action : actions.values()) {
                double wanted = ((Number) action.data().getOrDefault("take", 0)).doubleValue();
                double taken = Math.min(wanted, stock);
                stock -= taken;
                rewards.put(action.agentId(), taken);
            }
            boolean done = stock <= 0;
            return new StepResult(done ? Map.of() : observations(), rewards, done, Map.of("stock", stock));
        }

        @Override
        public Map<String, Double> metrics() {
            return Map.of("stock", stock);
        }

        @Override
        public void close() {
            TestLedger.CLOSED.add("env");
        }

        private Map<String, Observation> observations() {
            Map<String, Observation> observations = new LinkedHashMap<>();
            agents.forEach(id -> observations.put(id, new Observation(id, "stock " + stock, Map.of("stock", stock))));
            return observations;
        }
    }
}
