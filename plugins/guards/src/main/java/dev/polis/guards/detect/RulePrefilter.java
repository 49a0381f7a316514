package dev.polis.guards.detect;

import java.util.List;

/**
 * Says cheaply which rule patterns cannot match a text: for each pattern of {@link InjectionRules}, in order, the
 * literals one of which every match contains (lower case); a text holding none of them is not run through that
 * regular expression. An empty list means "always run". A translated override also needs one of its nouns
 * ({@link #ALSO}). The lists are derived by hand from the patterns, and
 * {@code RulePrefilterTest} checks on every text of the plugin's data that they never change a scan's result.
 */
final class RulePrefilter {

    /** The lists of the English patterns, in order; the multilingual overrides follow (their verb stems). */
    private static final List<String[]> NEEDS_ENGLISH = List.of(
            words("ignor", "disregard", "forget", "overlook", "bypass", "overrid", "abandon", "discard", "drop",
                    "neglect", "skip", "set aside", "regardless", "irrespective", "stop following", "no longer follow"),
            words("ignore", "disregard", "forget"),
            words("ignore", "disregard", "forget"),
            words("instruction", "task", "role", "rules", "objective"),
            words("from now on", "instead"),
            words("now", "longer"),
            words("do anything now", "dan", "mode"),
            words("pretend", "imagine", "roleplay", "role-play", "act", "jailbr", "stay in character"),
            words("repeat", "reveal", "show", "print", "output", "display", "disclose", "leak", "dump", "spell out",
                    "encode", "translate", "recite", "share", "give me", "tell me", "what"),
            words("systemprompt", "system_prompt", "initial prompt", "instructions you were given", "you were"),
            words("password", "passcode", "passphrase", "secret", "api", "access code", "pin code", "pin number",
                    "credential", "private key"),
            words("password", "passcode", "passphrase", "secret", "api", "access code", "pin code", "pin number",
                    "credential", "private key"),
            words("contrase", "mot de passe", "passwort", "senha", "парол", "密码", "パスワード", "비밀번호"),
            words("passwort", "kennwort", "zugangscode", "contrase", "mot de passe", "senha", "password", "wachtwoord"),
            words("password", "passcode", "passphrase", "secret", "api", "access code", "pin code", "pin number",
                    "credential", "private key"),
            words("contrase", "mot de passe", "passwort", "senha", "парол", "密码", "パスワード", "비밀번호"),
            words("god", "creator", "maker", "master", "owner", "developer", "programmer", "admin", "operator"),
            words("must", "have", "will", "shall", "required"),
            words("password", "passcode", "passphrase", "secret", "api", "access code", "credential", "private key",
                    "contrase", "mot de passe", "passwort", "senha", "парол", "密码", "パスワード", "비밀번호", "पासवर्ड"),
            words("<|", "inst]", "<<sys>>", "of_turn>", "system", "admin", "assistant", "instruction"),
            words("system", "assistant", "admin", "root"),
            words("ai", "assistant", "language model", "chatbot", "llm", "gpt", "bot"),
            words("your", "when"),
            words("your"),
            words("your"),
            words("!["),
            words("send", "forward", "email", "e-mail", "post", "upload", "transmit", "copy", "leak", "click", "visit", "go to",
                    "open"),
            words("restriction", "limit", "filter", "censor", "rules", "ethical", "moral", "boundar"),
            words("i'm", "i am", "authori", "clearance", "official"),
            words("imagine", "hypothetical", "suppose", "fictional", "parallel", "alternate", "let's play a game",
                    "in this "),
            words("part", "concatenate", "combine", "interlace", "join"),
            words("q:"),
            words(),
            words("user", "customer", "client", "patient"),
            words("decode", "decipher", "decrypt", "unscramble", "morse", "base64"),
            words("important", "urgent", "attention", "warning", "note to"),
            words("base", "hex", "binary", "morse", "caesar", "rot13", "rot-13", "leet", "pig latin", "reverse", "backwards",
                    "emoji", "cipher", "code words"),
            words("vowel", "consonant", "letter", "character", "alphabet"),
            words("backwards", "in reverse"));

    static final List<String[]> NEEDS;
    /** A second list of which the text must hold one literal too, or an empty list: the nouns of a translated override. */
    static final List<String[]> ALSO;

    static {
        List<String[]> all = new java.util.ArrayList<>(NEEDS_ENGLISH);
        List<String[]> also = new java.util.ArrayList<>();
        NEEDS_ENGLISH.forEach(n -> also.add(words()));
        for (int i = 0; i < MultilingualRules.languages(); i++) {
            all.add(MultilingualRules.verbs(i));
            also.add(MultilingualRules.nouns(i));
        }
        NEEDS = List.copyOf(all);
        ALSO = List.copyOf(also);
    }

    private RulePrefilter() {
    }

    private static String[] words(String... literals) {
        return literals;
    }

    /** Returns {@code text} lower-cased character by character (the same length, as the patterns' offsets need). */
    static String lower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** Returns whether pattern {@code index} may match the text whose lower-cased form is {@code lower}. */
    static boolean mayMatch(int index, String lower) {
        return holdsOne(NEEDS.get(index), lower) && holdsOne(ALSO.get(index), lower);
    }

    /** Returns whether {@code lower} holds one of {@code literals}, or {@code literals} is empty. */
    private static boolean holdsOne(String[] literals, String lower) {
        if (literals.length == 0) {
            return true;
        }
        for (String literal : literals) {
            if (lower.contains(literal)) {
                return true;
            }
        }
        return false;
    }
}
