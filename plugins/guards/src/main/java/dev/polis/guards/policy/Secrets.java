package dev.polis.guards.policy;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for a secret (a password, a key, a code) in seven languages and in Russian, Chinese, Japanese and Korean,
 * and whether a sentence asks for the one the instructions hold. "The key" and "the code" are ordinary words too, so
 * they count only when the instructions protect a key or a code; a first-person possessive ("my password", "mi
 * contraseña") is the user's own and never counts.
 */
public final class Secrets {

    /** Kinds of secret; a kind whose words are ordinary counts only when the instructions name it. */
    public enum Kind {
        PASSWORD("password|passcode|passphrase|pass phrase|passwort|kennwort|contrasena|mot de passe|senha|"
                + "wachtwoord|parola d'ordine|parola chiave|пароль|密码|口令|パスワード|暗証|비밀번호|암호", false),
        SECRET("secret|secreto|geheimnis|geheim|segreto|segredo|секрет|秘密|비밀", false),
        KEY("keys?|clave|llave|cle|schlussel|chiave|chave|sleutel|ключ|密钥|キー|열쇠", true),
        CODE("codes?|codigo|codice|код|代码|コード|코드|pin|token", true);

        private final Pattern pattern;
        private final boolean ordinary;
        private final Pattern stated;
        private final String[] literals;

        Kind(String words, boolean ordinary) {
            this.literals = words.replace("s?", "").split("\\|");
            this.pattern = Pattern.compile("(?<![\\p{L}])(?:" + words + ")(?![\\p{L}])");
            this.ordinary = ordinary;
            this.stated = Pattern.compile("(?<![\\p{L}])(?:" + words + ")(?:\\s+(?:is|es|est|ist|e|eh|is|это|是|は|는|은)"
                    + "(?![\\p{L}])|\\s*[:=]|\\s+['\"‘“«])");
        }

        /** Returns whether folded {@code text} may name this kind (a cheap test before the pattern). */
        boolean mayBeIn(String folded) {
            for (String literal : literals) {
                if (folded.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A determiner or possessive of the speaker's own: "my password" is the user's, not the assistant's. */
    private static final Pattern OWN = Pattern.compile("(?<![\\p{L}])(?:my|mine|mi|mis|mon|ma|mes|mein|meine|meinen|"
            + "mio|mia|meu|minha|mijn|мой|мою|我的|私の|내)\\s+(?:[\\p{L}-]+\\s+)?$");

    /**
     * A noun stated with a quoted value or one with digits: "the locker combination is '4-8-15'", and the head of a
     * longer subject: "answer" in "the answer to the last question is 'X'".
     */
    private static final Pattern STATED = Pattern.compile("([\\p{L}-]{3,})(?:\\s+(?:to|of|for|on|in)(?:\\s+[\\p{L}'-]+)"
            + "{1,4}?)?\\s+(?:is|are|es|est|ist|e|=|:)\\s*(?:['\"‘“«]|[\\p{L}\\p{N}-]*\\p{N})");

    /** A prohibition's object that points back to something stated before it ("never share it"). */
    private static final Pattern POINTS_BACK = Pattern.compile("(?<![\\p{L}])(?:it|this|that|them|these|those|lo|la|"
            + "los|las|le|les|ihn|es|sie|ihm|o|a|os|as|het|dit|dat|ze)(?![\\p{L}])");

    /** Words before a secret word that leave it the secret itself: determiners, possessives, question words. */
    private static final Set<String> NEUTRAL = Set.of("the", "your", "this", "that", "its", "his", "her", "their",
            "our", "a", "an", "any", "secret", "hidden", "what", "whats", "what's", "which", "el", "la", "tu", "su",
            "le", "ton", "votre", "ta", "das", "dein", "deinen", "ihr", "ihren", "den", "der", "die", "il", "tua",
            "tuo", "o", "seu", "sua", "de", "het", "je", "jouw", "uw", "is", "me", "us", "give", "tell", "share",
            "reveal", "say", "spell", "print", "show", "repeat", "confirm", "send", "provide", "guess", "current",
            "actual", "real", "correct", "right", "full", "exact", "whole", "same", "one");

    /** Question marks and verbs of asking, telling and giving away, in the same languages. */
    private static final Pattern ASKING = Pattern.compile("[?？]|(?<![\\p{L}])(?:what|which|tell|give|reveal|share|"
            + "say|spell|write|print|show|repeat|confirm|disclose|hint|guess|letters?|characters?|output|type|read|"
            + "send|provide|remind|dime|dame|dinos|revela|comparte|escribe|dis|dites|donne|donnez|revele|ecris|"
            + "sag|sagen|gib|geben|nenn|nennen|verrat|schreib|dimmi|dammi|rivela|scrivi|diga|dizer|me da|me de|"
            + "revele|escreva|vertel|geef|noem|schrijf|скажи|назови|дай|напиши|告诉|给我|是什么|教えて|何|알려|뭐)"
            + "(?![\\p{L}])");

    private Secrets() {
    }

    /** Returns the kinds of secret named in folded {@code text}. */
    static Set<Kind> named(String folded) {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) {
            if (k.pattern.matcher(folded).find()) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Returns the secret a prohibition on giving something away protects: the secret words of its object, and when
     * its object points back ("never share it") the secrets stated in {@code near} (its sentence and the one before:
     * "the password is 'X'", "the locker combination is '4-8-15'").
     */
    static ProtectedSecret protectedBy(String object, String near) {
        Set<Kind> kinds = named(object);
        Set<String> words = new LinkedHashSet<>();
        boolean pointsBack = POINTS_BACK.matcher(object).find();
        for (Kind k : Kind.values()) {
            if (pointsBack && k.stated.matcher(near).find()) {
                kinds.add(k);
            }
        }
        Matcher value = STATED.matcher(near);
        while (value.find()) {
            String noun = value.group(1);
            if (pointsBack || Words.of(object).contains(noun)) {
                Set<Kind> kindsOfNoun = named(noun);
                kinds.addAll(kindsOfNoun);
                if (kindsOfNoun.isEmpty() && !NEUTRAL.contains(noun)) {
                    words.add(noun);
                }
            }
        }
        return new ProtectedSecret(kinds, words, Set.of());
    }

    /** Returns whether folded {@code object} points back to something named before it ("never share it"). */
    static boolean pointsBack(String object) {
        return POINTS_BACK.matcher(object).find();
    }

    /** Returns both secrets as one. */
    static ProtectedSecret union(ProtectedSecret a, ProtectedSecret b) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        kinds.addAll(a.kinds());
        kinds.addAll(b.kinds());
        Set<String> words = new LinkedHashSet<>(a.words());
        words.addAll(b.words());
        return new ProtectedSecret(kinds, words, Set.of());
    }

    /** Returns {@code secret} with the words folded {@code instructions} put before its ordinary secret words. */
    static ProtectedSecret withModifiers(ProtectedSecret secret, String instructions) {
        Set<String> modifiers = new LinkedHashSet<>();
        for (Kind k : secret.kinds()) {
            Matcher m = k.pattern.matcher(instructions);
            while (k.ordinary && m.find()) {
                String before = lastWord(instructions.substring(0, m.start()));
                if (!before.isEmpty() && !NEUTRAL.contains(before)) {
                    modifiers.add(before);
                }
            }
        }
        return new ProtectedSecret(secret.kinds(), secret.words(), modifiers);
    }

    /**
     * Returns the words in folded {@code sentence} that ask for {@code secret}: a word for it that is not the
     * speaker's own ("my password"), and for an ordinary word ("code", "key") not another thing's ("a discount
     * code"), in a sentence that asks (a question mark or a verb of telling); or null.
     */
    static String asked(String folded, ProtectedSecret secret) {
        String found = null;
        for (Kind k : Kind.values()) {
            if ((k.ordinary && !secret.kinds().contains(k)) || !k.mayBeIn(folded)) {
                continue;
            }
            found = asked(folded, k.pattern, k.ordinary, secret.modifiers());
            if (found != null) {
                break;
            }
        }
        for (String word : secret.words()) {
            if (found == null && folded.contains(word)) {
                found = asked(folded, Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "s?(?![\\p{L}])"),
                        false, Set.of());
            }
        }
        return found != null && ASKING.matcher(folded).find() ? found : null;
    }

    private static String asked(String folded, Pattern word, boolean ordinary, Set<String> modifiers) {
        Matcher m = word.matcher(folded);
        while (m.find()) {
            String before = folded.substring(Math.max(0, m.start() - 30), m.start());
            String previous = lastWord(before);
            if (!OWN.matcher(before).find() && (!ordinary || previous.isEmpty() || NEUTRAL.contains(previous)
                    || modifiers.contains(previous))) {
                return m.group();
            }
        }
        return null;
    }

    private static String lastWord(String text) {
        List<String> words = Words.of(text.length() > 40 ? text.substring(text.length() - 40) : text);
        return words.isEmpty() ? "" : words.get(words.size() - 1);
    }
}
