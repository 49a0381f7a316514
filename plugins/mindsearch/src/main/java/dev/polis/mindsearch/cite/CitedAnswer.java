package dev.polis.mindsearch.cite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The final answer with its citations renumbered 1, 2, ... in order of appearance and each mapped to its source.
 *
 * @param text       the answer, citing {@code [[n]]}
 * @param references the cited sources, in number order
 * @param unknown    how many markers cited a number no node had, and were removed
 */
public record CitedAnswer(String text, List<Reference> references, int unknown) {

    /** Copies the references. */
    public CitedAnswer {
        references = List.copyOf(references);
    }

    /** Renumbers the planner's final text, whose markers are the registry's global numbers. */
    public static CitedAnswer of(String finalText, Numbering registry) {
        Map<Integer, Integer> local = new LinkedHashMap<>();
        List<Reference> references = new ArrayList<>();
        int[] unknown = {0};
        String text = Citations.rewrite(finalText, global -> {
            Integer known = local.get(global);
            if (known != null) {
                return known;
            }
            return registry.source(global).map(source -> {
                int n = references.size() + 1;
                local.put(global, n);
                references.add(new Reference(n, source));
                return n;
            }).orElseGet(() -> {
                unknown[0]++;
                return -1;
            });
        });
        return new CitedAnswer(text, references, unknown[0]);
    }

    /** Returns the answer followed by its numbered source list, as the CLI prints it. */
    public String render() {
        StringBuilder out = new StringBuilder(text.strip());
        if (!references.isEmpty()) {
            out.append("\n\nSources:");
            for (Reference r : references) {
                out.append("\n[").append(r.number()).append("] ").append(r.source().title().isBlank()
                        ? r.source().key() : r.source().title()).append(" - ").append(r.source().url());
            }
        }
        return out.toString();
    }
}
