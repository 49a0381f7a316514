package dev.polis.guards.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds look-alike letters (Cyrillic and Greek letters that render like Latin ones, and digits used as letters)
 * back to Latin, word by word, so that "іgnоrе" and "1gn0re" scan like "ignore".
 *
 * <p>A word is folded only when it mixes scripts (Latin letters with look-alikes or digits) or consists of
 * look-alikes alone; words wholly in another script that use other letters too (ordinary Russian or Greek) are
 * left as they are, so that real non-Latin text keeps its meaning.
 */
public final class Homoglyphs {

    private static final Map<Integer, Character> CONFUSABLE = new HashMap<>();
    private static final Map<Integer, Character> LEET = Map.of(
            (int) '0', 'o', (int) '1', 'i', (int) '3', 'e', (int) '4', 'a', (int) '5', 's', (int) '7', 't',
            (int) '@', 'a', (int) '$', 's');

    static {
        String pairs = "аaеeоoрpсcхxуyіiјjѕsԁdɡgһhӏlԛqԝwАAВBЕEКKМMНHОOРPСCТTХXІIЈJЅS"
                + "αaοoρpνvιiκkτtχxυuΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX";
        for (int i = 0; i < pairs.length(); i += 2) {
            CONFUSABLE.put((int) pairs.charAt(i), pairs.charAt(i + 1));
        }
    }

    private Homoglyphs() {
    }

    /** Returns {@code text} with every mixed-script or look-alike-only word folded to Latin letters. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = start;
            while (end < length && isWordChar(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                out.append(foldWord(text.substring(start, end)));
                start = end;
            } else {
                out.append(text.charAt(start));
                start++;
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    private static String foldWord(String word) {
        int latin = 0;
        int confusable = 0;
        int leet = 0;
        int other = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                latin++;
            } else if (CONFUSABLE.containsKey((int) c)) {
                confusable++;
            } else if (LEET.containsKey((int) c)) {
                leet++;
            } else {
                other++;
            }
        }
        boolean mixedScript = confusable > 0 && other == 0 && (latin > 0 || confusable == word.length());
        boolean leetWord = leet > 0 && latin >= 2 && other == 0 && confusable == 0;
        if (!mixedScript && !leetWord) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character folded = CONFUSABLE.get((int) c);
            if (folded == null && leetWord) {
                folded = LEET.get((int) c);
            }
            out.append(folded == null ? c : folded);
        }
        return out.toString();
    }
}
