package dev.polis.guards.policy;

import java.util.Set;

/**
 * The secret higher-privilege instructions hold and forbid giving away ("the vault code is 'X'; never share it").
 *
 * @param kinds     the kinds of secret word that name it (password, key, code, ...)
 * @param words     other folded nouns the instructions state it under ("the locker combination is '4-8-15'")
 * @param modifiers folded words the instructions put before an ordinary secret word ("vault" in "vault code"): a
 *                  request for a code with another such word ("a discount code") asks for something else
 */
public record ProtectedSecret(Set<Secrets.Kind> kinds, Set<String> words, Set<String> modifiers) {

    /** No secret. */
    public static final ProtectedSecret NONE = new ProtectedSecret(Set.of(), Set.of(), Set.of());

    /** Copies the sets. */
    public ProtectedSecret {
        kinds = Set.copyOf(kinds);
        words = Set.copyOf(words);
        modifiers = Set.copyOf(modifiers);
    }

    /** Returns whether there is no secret. */
    public boolean isEmpty() {
        return kinds.isEmpty() && words.isEmpty();
    }
}
