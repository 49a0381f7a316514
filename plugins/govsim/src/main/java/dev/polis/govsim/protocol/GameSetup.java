package dev.polis.govsim.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Tells an agent the rules of the game it is about to play, once, before its first month.
 *
 * @param scenario       which commons is played
 * @param profile        who the agent is
 * @param societyNames   the names of every persona of the society in id order, the agent included (a newcomer
 *                       is listed even before it joins, as in the original's rules text)
 * @param capacity       the most the pool can hold (100)
 * @param horizonMonths  how many months the game lasts at most (12; 15 for the newcomer experiment)
 * @param communication  whether catches are revealed and the group meets to talk (false: no-communication experiment)
 * @param universalization whether the environment adds the universalization hint to each harvest
 * @param firstDay       the agent's first simulated day (2024-01-01, or the newcomer's joining day)
 */
public record GameSetup(Scenario scenario, AgentProfile profile, List<String> societyNames, int capacity,
                        int horizonMonths, boolean communication, boolean universalization, LocalDate firstDay) {

    /** Checks the components and copies the names. */
    public GameSetup {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(profile, "profile");
        societyNames = List.copyOf(societyNames);
        Objects.requireNonNull(firstDay, "firstDay");
    }

    /** Returns the names of the others in the society, in id order. */
    public List<String> otherNames() {
        return societyNames.stream().filter(n -> !n.equals(profile.name())).toList();
    }
}
