package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles one language's {@link RevisionWords.Language} into the patterns a revision is found with: its verb of
 * dropping, the object that follows it (a piece of work, the user's own material or words, or a bare pronoun), a
 * request for new work (which a bare pronoun needs beside it) and the words for "instead".
 *
 * @param verb    a verb of dropping, with the comma and blanks after it
 * @param object  the dropped object: group 1 a piece of work, group 2 a bare pronoun
 * @param maker   a request for a new piece of work
 * @param instead the words that send the reader to the new request
 */
record RevisionPatterns(Pattern verb, Pattern object, Pattern maker, Pattern instead) {

    /** The patterns of every language of {@link RevisionWords#LANGUAGES}, in the same order. */
    static final List<RevisionPatterns> ALL = compileAll();

    private static List<RevisionPatterns> compileAll() {
        List<RevisionPatterns> out = new ArrayList<>();
        for (RevisionWords.Language l : RevisionWords.LANGUAGES) {
            out.add(of(l));
        }
        return List.copyOf(out);
    }

    /** Returns the patterns of one language. */
    static RevisionPatterns of(RevisionWords.Language l) {
        String verb = "(?<![\\p{L}'])(?:" + l.verbs() + ")(?![\\p{L}'])\\s*,?\\s*";
        String gap = "(?:\\s+|(?<='))(?:[\\p{L}'-]+\\s+){0,2}?";
        String work = "(?:(?:" + l.owners() + ")" + gap + "(?:" + l.outputs() + ")|(?:" + l.mine() + ")" + gap
                + "(?:" + l.materials() + ")|(?:" + l.pointers() + "))(?![\\p{L}])";
        String pronoun = "(?:" + l.pronouns() + ")(?![\\p{L}'])";
        return new RevisionPatterns(Pattern.compile(verb), Pattern.compile("(" + work + ")|(" + pronoun + ")"),
                Pattern.compile("(?<![\\p{L}])(?:" + l.makers() + ")\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:" + l.outputs()
                        + "|" + l.materials() + ")(?![\\p{L}])"),
                Pattern.compile("(?<![\\p{L}])(?:" + l.instead() + ")(?![\\p{L}])"));
    }
}
