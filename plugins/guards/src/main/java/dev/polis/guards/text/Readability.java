package dev.polis.guards.text;

import java.util.Set;

/**
 * Says whether a text reads as natural language: how many of its words are among the most frequent words of
 * English, Spanish, French, German, Italian, Portuguese and Dutch. The decoders use it to tell a decoded payload from
 * noise (a shifted cipher, leetspeak) in any of those languages, not only in English.
 */
final class Readability {

    /** Frequent words of two letters or more (one-letter words decode from noise too easily). */
    private static final Set<String> COMMON = Set.of(
            // English
            "the", "and", "you", "your", "to", "of", "is", "are", "in", "that", "it", "for", "this", "with", "on",
            "be", "all", "what", "not", "do", "me", "my", "now", "say", "tell", "give", "show", "write", "make", "use",
            "can", "will", "if", "or", "as", "at", "by", "from", "an", "have", "has", "was", "were", "how", "why",
            "when", "where", "who", "which", "about", "into", "than", "then", "there", "their", "they", "them", "we",
            "our", "us", "he", "she", "his", "her", "him", "its", "no", "so", "but", "any", "every", "some", "more",
            "most", "only", "also", "just", "like", "should", "would", "could", "must", "please", "enter", "print",
            "reveal", "send", "ignore", "previous", "instructions", "system", "prompt", "password", "mode", "reply",
            "answer", "email", "message", "word", "words", "each", "other", "after", "before", "between", "here",
            "these", "those", "been", "being", "does", "did", "get", "one", "two", "new", "first", "out", "up",
            // Spanish
            "el", "la", "los", "las", "de", "que", "es", "en", "un", "una", "por", "con", "para", "del", "se", "su",
            "al", "lo", "como", "pero", "sus", "le", "ya", "cual", "cuál", "tu", "mi", "contraseña", "contrasena",
            // French
            "les", "des", "est", "et", "pas", "pour", "qui", "dans", "vous", "sur", "une", "au", "du", "ce", "quel",
            "mot", "passe", "avec", "je", "il", "ne", "votre", "ton",
            // German
            "der", "die", "das", "und", "ist", "ich", "nicht", "sie", "mit", "den", "dem", "ein", "eine", "zu",
            "auf", "für", "von", "wie", "mir", "ihr", "ihre", "alle", "passwort", "wenn", "geben", "mein",
            // Italian, Portuguese, Dutch
            "che", "di", "per", "non", "sono", "della", "qual", "sua", "senha", "não", "em", "uma",
            "voce", "você", "het", "een", "van", "ik", "niet", "wat", "jouw", "wachtwoord");

    private Readability() {
    }

    /** Returns the number of {@link #COMMON} words in {@code text}. */
    static int commonWords(String text) {
        return count(text)[1];
    }

    /** Returns the number of words (runs of Latin letters) in {@code text}. */
    static int words(String text) {
        return count(text)[0];
    }

    /**
     * Returns whether {@code text} already reads as natural language: three words or more, a third of them common.
     * Such a text is not a cipher, so the decoders need not try to shift it.
     */
    static boolean readsWell(String text) {
        int[] n = count(text);
        return n[0] >= 3 && 3 * n[1] >= n[0];
    }

    /** Returns {words, common words} of {@code text} in one pass (a word is a run of Latin letters, lower-cased). */
    private static int[] count(String text) {
        int words = 0;
        int common = 0;
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= '\u00e0' && c <= '\u00ff' && c != '\u00f7')) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words++;
                if (word.length() >= 2 && COMMON.contains(word.toString())) {
                    common++;
                }
                word.setLength(0);
            }
        }
        return new int[] {words, common};
    }

    /**
     * Returns whether {@code decoded} reads better than {@code original}: three common words or more and twice as
     * many as before, or, for a short text, two or more that make at least a quarter of its words.
     */
    static boolean readsBetter(String original, String decoded) {
        int before = commonWords(original);
        int[] after = count(decoded);
        if (after[1] <= 2 * before || after[1] < 2) {
            return false;
        }
        return after[1] >= 3 || 4 * after[1] >= after[0];
    }
}
