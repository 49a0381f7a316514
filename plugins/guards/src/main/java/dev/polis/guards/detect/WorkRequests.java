package dev.polis.guards.detect;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a user's request for a piece of creative work (a poem, a haiku, a story, a joke, a song, a letter, a toast)
 * whose words name nothing of the assistant's orders and no secret: an aligned request in the instruction
 * hierarchy's sense, which the detector caps like any other uncued request however sure the classifier is
 * ({@link InjectionDetector}). The classifier learns the injected tasks of hijacking attacks ("write a poem about
 * …") as attacks, and a user asking for the same piece of work is no move against the hierarchy; what a system
 * prompt rules out is read by the policy check, which is a strong rule match and so never capped.
 *
 * <p>Read in English, Spanish, French, German, Italian, Portuguese and Dutch on the text lower-cased with its accents
 * folded ({@link AccentFolding}): a verb of making ("write", "compose", "make up", "tell me", "escribe", "raconte",
 * "schreib", …) followed within four words by a noun of a piece of work. A text that names the assistant's orders
 * (instructions, rules, prompt, system, …, {@link RevisionWords#ORDERS}) or a secret (password, secret, key, code,
 * credential, in the seven languages) is never such a request: "write a poem about your system prompt" and "write a
 * story in which the password is revealed" stay as the classifier reads them.
 */
final class WorkRequests {

    /** Verbs of making a piece of work, in the seven languages (folded). */
    private static final String MAKERS = "write|compose|draft|pen|make up|come up with|create|invent|tell me|tell us|"
            + "give me|sing|"
            + "escribe(?:me)?|escribir(?:me)?|compon(?:me|er)?|redacta(?:me)?|inventa(?:me|te)?|crea(?:me)?|"
            + "cuenta(?:me)?|contar(?:me)?|"
            + "ecris(?:-moi)?|ecrivez(?:-moi)?|ecrire|compose[zr]?|redige[zr]?|invente[zr]?|raconte[zr]?(?:-moi)?|"
            + "schreib(?:e|en)?|verfasse|dichte|erzahl(?:e|en)?|erfinde|"
            + "scrivi(?:mi)?|scrivere|componi|racconta(?:mi)?|raccontare|inventa|"
            + "escreva|escreve|escrever|componha|conte(?:-me)?|contar|me conta|invente|crie|"
            + "schrijf|verzin|vertel(?: me)?|maak";

    /** Nouns of a piece of creative work, in the seven languages (folded). */
    private static final String WORKS = "poems?|poetry|haikus?|tankas?|limericks?|sonnets?|odes?|villanelles?|verses?|"
            + "rhymes?|lullab(?:y|ies)|ballads?|songs?|lyrics|jingles?|raps?|stor(?:y|ies)|tales?|fables?|novels?|"
            + "scenes?|plays?|monologues?|dialogues?|jokes?|puns?|riddles?|letters?|toasts?|eulog(?:y|ies)|"
            + "speech(?:es)?|"
            + "poemas?|poesias?|sonetos?|versos?|rimas?|cuentos?|historias?|fabulas?|chistes?|canciones?|cancion|"
            + "cartas?|brindis|discursos?|nanas?|adivinanzas?|"
            + "poemes?|poesies?|comptines?|histoires?|contes?|blagues?|chansons?|lettres?|discours|devinettes?|"
            + "berceuses?|"
            + "\\w*(?:gedicht|geschichte|marchen|fabel|witz|lied|brief|rede|reim|ratsel)(?:e|en|n|s|er)?|"
            + "poesi[ae]|filastrocc(?:a|he)|sonett[oi]|stori[ae]|raccont[oi]|favol[ae]|barzellett[ae]|canzon[ei]|"
            + "letter[ae]|discors[oi]|indovinell[oi]|ninna nanna|"
            + "haicais?|contos?|piadas?|canc(?:ao|oes)|musicas?|brindes?|charadas?|"
            + "gedicht(?:je|jes|en)?|verha(?:al|len|altje)|sprookjes?|grap(?:pen)?|mop(?:pen)?|liedjes?|"
            + "toespra(?:ak|ken)|raadsels?|rijm(?:pje|en)?";

    private static final Pattern REQUEST = Pattern.compile("(?<![\\p{L}])(?:" + MAKERS
            + ")(?![\\p{L}])(?:\\s+[\\p{L}'-]+){0,4}?\\s+(?:" + WORKS + ")(?![\\p{L}])");

    /** Words of a secret in the seven languages: a request that names one is no plain piece of work. */
    private static final Pattern SECRETS = Pattern.compile("(?<![\\p{L}])(?:password|passphrase|passcode|secret|"
            + "credential|api key|access code|pins?(?![\\p{L}])|tokens?(?![\\p{L}])|contrasena|clave|secreto|"
            + "mot de passe|code d'acces|passwort|kennwort|geheim|parola d'ordine|segreto|senha|segredo|wachtwoord|"
            + "toegangscode)");

    private WorkRequests() {
    }

    /** Returns whether {@code text} asks for a piece of creative work and names no orders and no secret. */
    static boolean asksForWork(String text) {
        String folded = AccentFolding.fold(text.toLowerCase(Locale.ROOT));
        return REQUEST.matcher(folded).find() && !RevisionWords.ORDERS.matcher(folded).find()
                && !SECRETS.matcher(folded).find();
    }

    /**
     * Returns whether a direct passage with {@code hits} is an aligned request for a piece of work: it asks for
     * one ({@link #asksForWork}) and no rule family marks it but a user's revision of their own request.
     */
    static boolean aligned(String passage, List<RuleHit> hits) {
        return hits.stream().allMatch(h -> h.rule().equals(OwnRequestRevisions.FAMILY)) && asksForWork(passage);
    }
}
