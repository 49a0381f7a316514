package dev.polis.govsim.game;

import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.text.GameTexts;
import java.util.ArrayList;
import java.util.List;

/** The original's five personas; the goals of the newcomer experiment are texts of the prompt pack. */
public final class Personas {

    /** The persona names in id order: persona_0 .. persona_4. */
    public static final List<String> NAMES = List.of("John", "Kate", "Jack", "Emma", "Luke");

    private Personas() {
    }

    /** Returns the id of persona {@code index}, {@code persona_<index>}. */
    public static String id(int index) {
        return "persona_" + index;
    }

    /** Returns the profiles for {@code count} agents with the built-in goals; with the newcomer the last one is the newcomer. */
    public static List<AgentProfile> profiles(Scenario scenario, int count, boolean newcomer) {
        return profiles(scenario.texts(), count, newcomer);
    }

    /** Returns the profiles for {@code count} agents with the goals of {@code texts}; the last one may be the newcomer. */
    public static List<AgentProfile> profiles(GameTexts texts, int count, boolean newcomer) {
        List<AgentProfile> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = i < NAMES.size() ? NAMES.get(i) : "Agent" + i;
            boolean late = newcomer && i == count - 1;
            String goal = !newcomer ? "" : late ? texts.newcomerGoal(name) : texts.localGoal(name);
            profiles.add(new AgentProfile(id(i), name, goal, late));
        }
        return profiles;
    }

    /** Returns the built-in goal of a local in the newcomer experiment (file {@code <scenario>/goal-local.txt}). */
    public static String localGoal(Scenario scenario) {
        return scenario.texts().localGoal("");
    }

    /** Returns the built-in goal of the profit-only newcomer (file {@code <scenario>/goal-newcomer.txt}). */
    public static String newcomerGoal(Scenario scenario) {
        return scenario.texts().newcomerGoal("");
    }
}
