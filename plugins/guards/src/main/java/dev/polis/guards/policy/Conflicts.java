package dev.polis.guards.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds where a lower-privilege sentence conflicts with what the higher-privilege instructions rule out: it brings
 * up a prohibited subject ({@code breaks-prohibition}), asks for the secret they protect
 * ({@code asks-protected-secret}), for someone's personal data they protect ({@code asks-private-data}) or for the
 * instructions themselves ({@code asks-protected-instructions}), or asks about a known topic outside the subject they
 * keep the assistant to ({@code leaves-scope}, {@link Scope}). The injection detector counts each as a strong rule
 * match over the whole sentence. With {@link Policy#NONE} nothing conflicts.
 */
public final class Conflicts {

    /** The families a conflict is reported under. */
    public static final Set<String> FAMILIES = Set.of("breaks-prohibition", "asks-protected-secret",
            "asks-private-data", "asks-protected-instructions", "leaves-scope");

    /** A request for the instructions themselves. */
    private static final Pattern ASKS_INSTRUCTIONS = Pattern.compile("(?<![\\p{L}])(?:(?:the|la|el|le|die|de|il|o|a)\\s+"
            + "(?:system\\s+)?prompt|(?:your|this|these|system|initial|original|hidden|tus|sus|estas|tes|vos|ces|"
            + "deine|ihre|diese|tue|queste|suas|tuas|je|jouw|deze)\\s+"
            + "(?:system\\s+)?(?:prompt|instructions|system message|rules|guidelines|directives|configuration|"
            + "instrucciones|reglas|consignes|regles|anweisungen|regeln|istruzioni|regole|instrucoes|regras|"
            + "instructies|regels)|(?:were|are) you (?:told|instructed|given|programmed)|text above|"
            + "words above)(?![\\p{L}])");

    /** The nouns a request for the instructions needs (a cheap test before {@link #ASKS_INSTRUCTIONS}). */
    private static final Pattern INSTRUCTION_WORDS = Pattern.compile("prompt|instru|rule|regl|regel|regol|regra|"
            + "guideline|directive|configuration|consigne|anweisung|istruzion|told|given|programmed|above");

    /** Verbs that ask for something to be shown. */
    private static final Pattern ASKS = Pattern.compile("(?<![\\p{L}])(?:what|tell|repeat|show|print|reveal|share|"
            + "give|list|say|output|write)(?![\\p{L}])");

    private Conflicts() {
    }

    /** Returns the conflicts of {@code sentence} (lower-privilege text) with {@code policy}. */
    public static List<Conflict> scan(String sentence, Policy policy) {
        if (policy.isEmpty() || sentence.isBlank()) {
            return List.of();
        }
        String folded = Words.fold(sentence);
        List<Conflict> hits = new ArrayList<>();
        if (!policy.secret().isEmpty()) {
            add(hits, "asks-protected-secret", Secrets.asked(folded, policy.secret()));
        }
        if (policy.privateData()) {
            add(hits, "asks-private-data", PrivateData.asked(folded, policy.names()));
        }
        if (policy.instructions() && INSTRUCTION_WORDS.matcher(folded).find()
                && (folded.contains("?") || folded.contains("？") || ASKS.matcher(folded).find())) {
            var m = ASKS_INSTRUCTIONS.matcher(folded);
            add(hits, "asks-protected-instructions", m.find() ? m.group() : null);
        }
        if (!policy.prohibitions().isEmpty()) {
            add(hits, "breaks-prohibition", prohibited(folded, sentence, policy));
        }
        add(hits, "leaves-scope", policy.scope().leftBy(folded, sentence));
        return hits;
    }

    /** Returns what in folded {@code text} ({@code raw} as written) brings up a prohibition, and which, or null. */
    private static String prohibited(String folded, String raw, Policy policy) {
        Set<String> stems = Words.subjectStems(folded);
        for (Prohibition p : policy.prohibitions()) {
            Set<String> shared = Words.shared(p.stems(), stems);
            if (!shared.isEmpty() && p.broughtUpBy(shared)) {
                return String.join(" ", shared) + " (ruled out by: " + p.clause() + ")";
            }
            for (Topics.Topic t : p.topics()) {
                if (t.inText(folded, raw)) {
                    return t.name() + " (ruled out by: " + p.clause() + ")";
                }
            }
            if (p.languages()) {
                Set<String> named = new LinkedHashSet<>(Languages.in(folded));
                named.removeAll(policy.allowedLanguages());
                if (!named.isEmpty()) {
                    return String.join(" ", named) + " (ruled out by: " + p.clause() + ")";
                }
            }
        }
        return null;
    }

    private static void add(List<Conflict> hits, String family, String found) {
        if (found != null) {
            hits.add(new Conflict(family, found));
        }
    }
}
