package dev.polis.guards.leak;

import java.util.regex.Pattern;
import dev.polis.guards.policy.Words;

/**
 * Says whether an output speaks about the instructions its writer was given ("my instructions say", "I was told
 * to", "I'm not allowed to", "here is how I'm set up"), in English, Spanish, French, German, Italian, Portuguese and
 * Dutch. A refusal that only mentions that instructions exist says so too; the cue alone is never a leak, it only
 * lets a smaller share of the prompt's words count as one.
 */
public final class DisclosureCues {

    private static final Pattern CUE = Pattern.compile("(?<![\\p{L}])(?:"
            // English
            + "my (?:system )?(?:prompt|instructions?|rules|guidelines|brief|setup|set-up|configuration|orders|"
            + "directives|notes|role|job|task|remit)"
            + "|(?:i|i'm|i am|i've|i have|i was|i've been|i have been|i'm being) (?:\\w+ )?(?:told|asked|instructed|"
            + "set up|configured|programmed|designed|meant|supposed|not allowed|allowed|forbidden|banned|required|"
            + "not to|never to|to always|to never)"
            + "|(?:they|the instructions|my instructions|the rules|the prompt) (?:\\w+ )?(?:told|tell|say|says|said|"
            + "mention|mentions|state|states|ask|asks)"
            + "|i must(?:n't| not| never)|i mustn't|i shouldn't|i should not|i should never|i'm not to|i am not to"
            + "|how i(?:'m| am) (?:set up|configured)|how i work|what i(?:'ve been| was| am|'m) (?:asked|told|set up|"
            + "supposed|meant)|as it was described"
            // Spanish
            + "|mis (?:instrucciones|reglas|directrices|indicaciones)|mi (?:trabajo|tarea|funcion) es"
            + "|me (?:indicaron|dijeron|pidieron|han indicado|han dicho)|como funciono|no debo|debo (?:siempre|nunca)"
            // French
            + "|mes (?:consignes|instructions|regles|directives)|on m'a (?:demande|dit|indique)|je ne dois"
            // German
            + "|meine (?:anweisungen|vorgaben|regeln|aufgabe|instruktionen|richtlinien)|ich soll|ich darf (?:nicht|kein|keine|keinen)"
            + "|mir wurde (?:gesagt|aufgetragen)"
            // Italian
            + "|le mie (?:istruzioni|regole|direttive)|mi (?:e|hanno) (?:stato detto|detto|chiesto)|non devo"
            // Portuguese
            + "|minhas (?:instrucoes|regras|diretrizes)|fui (?:instruido|instruida|orientado|orientada)"
            + "|me disseram|nao devo"
            // Dutch
            + "|mijn (?:opdracht|instructies|regels|richtlijnen)|ik mag (?:geen|niet)|ik hoor|mij is (?:gevraagd|gezegd)"
            + ")(?![\\p{L}])");

    private DisclosureCues() {
    }

    /** Returns whether {@code text} speaks about its writer's instructions. */
    public static boolean in(String text) {
        return CUE.matcher(Words.fold(text)).find();
    }
}
