package dev.polis.guards.policy;

import java.util.List;
import java.util.Set;

/**
 * What the higher-privilege instructions (SYSTEM and DEVELOPER messages) of a conversation rule out, read by
 * {@link PolicyReader}: the lower-privilege text that brings up one of these conflicts with them (the instruction
 * hierarchy calls it misaligned), however ordinary it looks on its own.
 *
 * @param prohibitions     subjects ruled out ("never discuss politics", "no recipes")
 * @param secret           the secret the instructions hold and forbid giving away ({@link ProtectedSecret#NONE})
 * @param privateData      whether they forbid revealing someone's personal data
 * @param instructions     whether they forbid revealing the instructions themselves
 * @param allowedLanguages the languages they name outside their prohibitions (canonical names)
 * @param names            folded names of people and places they mention (for requests about a named person)
 * @param scope            the subject they keep the assistant to ("only talk about cooking"; {@link Scope#NONE})
 */
public record Policy(List<Prohibition> prohibitions, ProtectedSecret secret, boolean privateData,
                     boolean instructions, Set<String> allowedLanguages, Set<String> names, Scope scope) {

    /** No instructions, or none that rule anything out: nothing conflicts with it. */
    public static final Policy NONE = new Policy(List.of(), ProtectedSecret.NONE, false, false, Set.of(),
            Set.of(), Scope.NONE);

    /** Copies the collections. */
    public Policy {
        prohibitions = List.copyOf(prohibitions);
        allowedLanguages = Set.copyOf(allowedLanguages);
        names = Set.copyOf(names);
    }

    /** Returns whether nothing can conflict with this policy. */
    public boolean isEmpty() {
        return prohibitions.isEmpty() && secret.isEmpty() && !privateData && !instructions && scope.isEmpty();
    }
}
