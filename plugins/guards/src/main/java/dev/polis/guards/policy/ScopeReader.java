package dev.polis.guards.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subject an explicit restrictive clause keeps the assistant to, in English, Spanish, French, German,
 * Italian, Portuguese and Dutch: "(you) only talk about / answer questions about / help with X", "your sole purpose
 * is X", "do not discuss anything other than X" (a negation or refusal in the same sentence), and "stick to X" or
 * "limit yourself to X" when X names a known topic (else "keep your answers to two sentences" would be a scope).
 * Nothing else sets a scope: "answer only in English", "respond only with JSON" and "not only … but also" do not.
 */
final class ScopeReader {

    private static final String W = "(?<![\\p{L}'])";

    /** Words that frame the subject between "only" and its preposition ("only answer user questions about"). */
    private static final String FRAME = "(?:(?:talk|speak|chat|converse|answer|respond|reply|discuss|provide|give|"
            + "offer|write|focus)(?:s|es|ing)?|to|the|user|users|user's|customer|customers|questions|queries|"
            + "requests|inquiries|topics|subjects|matters|things|conversations|information|advice|answers|content|"
            + "hablar|hablas|habla|conversar|responder|respondes|responde|preguntas|consultas|temas|asuntos|a|las|los|"
            + "parler|parles|parle|parlez|repondre|reponds|repondez|discuter|discutes|sujets|aux|des|les|"
            + "sprechen|sprichst|sprich|antworten|antwortest|antworte|beantworten|beantwortest|beantworte|fragen|"
            + "themen|auf|parlare|parli|parla|rispondere|rispondi|risponde|domande|argomenti|alle|falar|fala|fale|"
            + "falas|respondas|responda|perguntas|as|praten|praat|spreken|spreek|antwoorden|antwoord|beantwoorden|"
            + "beantwoord|vragen|onderwerpen|op)\\s+";

    /** Prepositions that introduce a subject ("about", "sobre", "über"), or "help with". */
    private static final String ABOUT = "(?:about|on|regarding|concerning|related to|relating to|relevant to|"
            + "pertaining to|in the (?:area|field|domain) of|(?:help|assist|deal)(?:s|ing)? with|de|del|sobre|"
            + "acerca de|relacionad[oa]s? con|sur|a propos de|concernant|relatives? a|du|d'|uber|zu|zum|zur|"
            + "bezuglich|rund um|di|su|sul|sulla|sui|riguardo(?: a)?|riguardanti|relativ[ie] a|relacionad[oa]s? (?:a|com)|"
            + "do|da|over|omtrent|met betrekking tot)";

    /** "Only", not after a negation ("not only … but also"). */
    private static final String ONLY = W + "(?<!not |non |pas |nicht |no |niet |nao )(?:only|solely|exclusively|"
            + "solo|solamente|unicamente|exclusivamente|seulement|uniquement|exclusivement|nur|ausschliesslich|"
            + "lediglich|soltanto|esclusivamente|apenas|somente|alleen|uitsluitend|enkel)";

    /** The subject after the clause: up to a semicolon, a parenthesis or a comma that starts another instruction. */
    private static final String X = "([^;:()]+?)(?=\\s*(?:[;:()]|,\\s*(?:and |but |or )?(?:if|when|otherwise|politely|"
            + "never|do not|don't|refuse|decline|say|tell|respond|reply|redirect|you)|\\.|$))";

    private static final List<Pattern> STRONG = List.of(
            Pattern.compile(ONLY + "\\s+(?:" + FRAME + "){0,3}?" + ABOUT + "\\s*" + X),
            Pattern.compile(ONLY + "\\s+(?:discuss|cover|handle)(?:es|ing)?\\s+" + X),
            Pattern.compile(W + "ne\\s+(?:" + FRAME + ")qu(?:e\\s+|')(?:" + FRAME + "){0,3}?" + ABOUT + "\\s*" + X),
            Pattern.compile(W + "(?:your|its|tu|su|ton|ta|votre|dein|deine|ihr|ihre|il tuo|la tua|seu|sua|o seu|"
                    + "a sua|je|jouw|uw)\\s+(?:sole|only|single|one|exclusive|unico|unica|seul|seule|unique|"
                    + "einzig[a-z]*|enige)\\s+(?:purpose|job|task|role|function|focus|goal|mission|topic|domain|"
                    + "responsibility|proposito|objetivo|trabajo|tarea|funcion|tema|but|objectif|role|tache|sujet|"
                    + "zweck|aufgabe|ziel|thema|funktion|scopo|compito|obiettivo|ruolo|funzione|argomento|tarefa|"
                    + "funcao|assunto|doel|taak|functie|onderwerp)\\s+(?:is|es|est|ist|e)\\s+(?:to\\s+|de\\s+|d'|"
                    + "zu\\s+|di\\s+|om\\s+)?" + X));

    /** "Anything other than X": a scope only beside a negation or refusal in the same sentence. */
    private static final Pattern OTHER_THAN = Pattern.compile(W + "(?:anything|any (?:other )?(?:topics?|subjects?|"
            + "questions?|requests?|quer(?:y|ies)|matters?)|(?:other |off-topic )?(?:topics|subjects|questions|"
            + "requests|queries|matters)|nothing|nada|rien|nichts|niente|nulla|niets|(?:otros|otras) (?:temas|"
            + "preguntas)|(?:aucun|d'autres) (?:autre )?sujets?|andere[nm]? (?:themen|fragen)|altri argomenti|"
            + "outros assuntos|andere onderwerpen)\\s+(?:else\\s+)?(?:other than|except(?: for)?|besides|apart from|"
            + "unrelated to|not related to|outside(?: of)?(?: the (?:scope|topic|domain) of)?|beyond|not about|"
            + "that (?:is|are) not (?:related to|about)|que no sea[n]?(?: de| sobre)?|que no (?:este|esten) "
            + "relacionad[oa]s? con|distint[oa]s? de|ajen[oa]s? a|d'autre que|autre que|en dehors de|hors de|"
            + "sans rapport avec|(?:anderes )?als|ausser|ausserhalb(?: von)?|ohne bezug zu|che non (?:sia|riguardi)|"
            + "al di fuori di|diverso da|altro che|alem de|fora de|que nao seja(?: sobre)?|diferente de|"
            + "anders dan|buiten|behalve)\\s+" + X);

    /** A negation or refusal that makes "anything other than X" a restriction. */
    private static final Pattern REFUSAL = Pattern.compile(W + "(?:not|never|don't|cannot|can't|refuse|decline|"
            + "redirect|no|nunca|rechaza|niega|ne|pas|jamais|refuse|nicht|nie|niemals|lehne|non|mai|rifiuta|nao|"
            + "recuse|niet|nooit|weiger)(?![\\p{L}])");

    /** "Stick to X", "limit yourself to X": a scope only when X names a known topic. */
    private static final List<Pattern> STICK = List.of(
            Pattern.compile(W + "(?:stick|keep|limit|restrict|confine)s?\\s+(?:strictly\\s+|only\\s+)?(?:(?:yourself|"
                    + "your (?:answers|responses|replies|conversations?|discussions?)|the conversation|conversations|"
                    + "answers|responses)\\s+)?(?:strictly\\s+|only\\s+)?(?:to|on the (?:topic|subject) of)\\s+" + X),
            Pattern.compile(W + "(?:limitate|cinete|limite-toi|limitez-vous|tiens-toi|tenez-vous|beschranke dich|"
                    + "beschranken sie sich|bleib|limitati|attieniti|limite-se|atenha-se|beperk je|houd je)\\s+"
                    + "(?:a|au|aux|auf|bei|tot|bij)\\s+" + X));

    private ScopeReader() {
    }

    /** Returns the subjects the restrictive clauses of folded {@code sentence} keep the assistant to. */
    static List<String> subjects(String folded) {
        List<String> out = new ArrayList<>();
        for (Pattern p : STRONG) {
            add(out, p.matcher(folded), false);
        }
        if (REFUSAL.matcher(folded).find()) {
            add(out, OTHER_THAN.matcher(folded), false);
        }
        for (Pattern p : STICK) {
            add(out, p.matcher(folded), true);
        }
        return out;
    }

    private static void add(List<String> out, Matcher m, boolean knownTopicOnly) {
        while (m.find()) {
            String x = m.group(1).strip();
            boolean subject = knownTopicOnly ? !Topics.in(x).isEmpty()
                    : !Words.subjectStems(x).isEmpty() || !Topics.in(x).isEmpty();
            if (subject) {
                out.add(x);
            }
        }
    }
}
