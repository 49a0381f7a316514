package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.polis.api.env.Action;
import dev.polis.api.env.Environment;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.api.env.Observation;
import dev.polis.api.env.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class EnvironmentCompatibilityKitTest {

    @Test
    void aSeededEnvironmentThatRejectsLateStepsPasses() {
        assertThat(KitRunner.failures(Countdown.class)).isEmpty();
    }

    @Test
    void anEnvironmentThatIgnoresTheSeedFailsTheDeterminismTest() {
        assertThat(KitRunner.failures(Unseeded.class)).containsOnlyKeys("sameSeedAndActionsGiveSameObservationsAndRewards");
    }

    @Test
    void anEnvironmentThatObservesStrangersAndCrashesLateFails() {
        assertThat(KitRunner.failures(Sloppy.class)).containsOnlyKeys(
                "resetReturnsObservationsOnlyForKnownAgents", "stepReportsRewardsAndObservationsOnlyForKnownAgents",
                "stepAfterDoneIsRejectedClearlyOrHarmless");
    }

    /** Counts down three steps; rewards are drawn from the seed. */
    static class CountdownEnvironment implements Environment {
        final List<String> agents;
        final boolean useSeed;
        Random random;
        int left;

        CountdownEnvironment(List<String> agents, boolean useSeed) {
            this.agents = agents;
            this.useSeed = useSeed;
        }

        @Override
        public List<String> agentIds() {
            return agents;
        }

        @Override
        public Map<String, Observation> reset(long seed) {
            random = useSeed ? new Random(seed) : new Random();
            left = 3;
            return observe();
        }

        @Override
        public StepResult step(Map<String, Action> actions) {
            if (left == 0) {
                throw new IllegalStateException("the countdown is over; call reset");
            }
            left--;
            Map<String, Double> rewards = new LinkedHashMap<>();
            agents.forEach(id -> rewards.put(id, (double) random.nextInt(1000)));
            return new StepResult(observe(), rewards, left == 0, Map.of());
        }

        Map<String, Observation> observe() {
            Map<String, Observation> observations = new LinkedHashMap<>();
            agents.forEach(id -> observations.put(id, new Observation(id, left + " left", Map.of("left", left))));
            return observations;
        }

        @Override
        public Map<String, Double> metrics() {
            return Map.of("left", (double) left);
        }
    }

    static EnvironmentProvider provider(boolean useSeed) {
        return new EnvironmentProvider() {
            @Override
            public String id() {
                return "test.countdown";
            }

            @Override
            public Environment create(dev.polis.api.env.EnvironmentContext context) {
                return new CountdownEnvironment(context.agentIds(), useSeed);
            }
        };
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Countdown extends EnvironmentCompatibilityKit {
        @Override
        protected EnvironmentProvider createProvider() {
            return provider(true);
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Unseeded extends EnvironmentCompatibilityKit {
        @Override
        protected EnvironmentProvider createProvider() {
            return provider(false);
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Sloppy extends EnvironmentCompatibilityKit {
        @Override
        protected EnvironmentProvider createProvider() {
            return new EnvironmentProvider() {
                @Override
                public String id() {
                    return "test.sloppy";
                }

                @Override
                public Environment create(dev.polis.api.env.EnvironmentContext context) {
                    return new CountdownEnvironment(context.agentIds(), true) {
                        @Override
                        Map<String, Observation> observe() {
                            Map<String, Observation> observations = new LinkedHashMap<>(super.observe());
                            observations.put("stranger", new Observation("stranger", "", Map.of()));
                            return observations;
                        }

                        @Override
                        public StepResult step(Map<String, Action> actions) {
                            if (left == 0) {
                                throw new ArrayIndexOutOfBoundsException(-1);
                            }
                            return super.step(actions);
                        }
                    };
                }
            };
        }
    }
}
