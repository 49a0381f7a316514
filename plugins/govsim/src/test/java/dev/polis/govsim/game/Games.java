package dev.polis.govsim.game;

import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.AgentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Test helpers: play a game of simple agents. */
public final class Games {

    private Games() {
    }

    /** An agent whose request is a function of the harvest request. */
    public static GovSimAgent agent(String id, ToIntFunction<HarvestRequest> rule) {
        return new GovSimAgent() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public HarvestDecision harvest(HarvestRequest request) {
                return HarvestDecision.of(rule.applyAsInt(request), "test");
            }
        };
    }

    /** Plays the default fishery with one rule per agent and returns the final state. */
    public static GameState play(GovSimConfig config, List<ToIntFunction<HarvestRequest>> rules) {
        List<AgentProfile> profiles = Personas.profiles(config.scenario(), rules.size(), false);
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            seats.add(new Seat(profiles.get(i), agent(profiles.get(i).id(), rules.get(i)), 0));
        }
        GovSimGame game = new GovSimGame(config, seats, null);
        return game.play(game.initialState(), MonthListener.none());
    }

    /** Plays with every one of 5 agents requesting {@code x} every month. */
    public static GameState constant(int x, long seed) {
        List<ToIntFunction<HarvestRequest>> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rules.add(r -> x);
        }
        return play(GovSimConfig.defaults(dev.polis.govsim.protocol.Scenario.FISHERY, Experiment.DEFAULT, seed), rules);
    }
}
