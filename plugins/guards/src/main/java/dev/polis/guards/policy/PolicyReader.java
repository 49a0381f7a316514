package dev.polis.guards.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what higher-privilege instructions rule out, without a model: clauses with a negated imperative ("do not",
 * "never", "avoid", "under no circumstances", "… is not allowed", and their equivalents in Spanish, French, German,
 * Italian, Portuguese and Dutch) give prohibitions; a secret word (password, key, code) with a prohibition on giving
 * something away gives a protected secret; personal data and the instructions themselves likewise. Whatever the
 * instructions allow outside their prohibitions (the assistant's task) is taken out of each prohibition, so that
 * "you share vegetarian recipes; never share recipes with meat" rules out meat, not recipes.
 *
 * <p>Reasons and purposes after a comma ("…, to keep the forum on topic") and leading ones ("Due to copyright
 * concerns, …") are left out of the clause; "other than X" or "except X" inside a prohibition allows X.
 */
public final class PolicyReader {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;。！？])\\s+|\\n+");
    private static final String W = "(?<![\\p{L}'])";
    private static final String E = "(?![\\p{L}])";

    /** A negated imperative whose object follows it. */
    private static final Pattern CUE = Pattern.compile(W + "(?:do not|don't|dont|does not|doesn't|must not|mustn't|"
            + "should not|shouldn't|shall not|may not|will not|won't|cannot|can't|can not|never|"
            + "(?:are|is|am|be) not (?:allowed|permitted|programmed|supposed|meant|designed|authori[sz]ed|to)|"
            + "not (?:allowed|permitted) to|under no circumstances|in no case|no matter what,? (?:do not|never)|"
            + "avoid|avoids|avoiding|refrain from|refuse to|decline to|stay away from|steer clear of|keep away from|"
            + "^no|nunca|jamas|no (?:debes|debe|puedes|puede|hables|reveles|compartas|des|digas|discutas|menciones|"
            + "respondas|ayudes|proporciones)|evita|evitar|bajo ninguna circunstancia|en ningun caso|"
            + "ne (?:[\\p{L}']+ ){0,2}?(?:pas|jamais|rien)|n'[\\p{L}]+ (?:pas|jamais)|jamais|evite|evitez|"
            + "en aucun cas|sous aucun pretexte|niemals|nie|nicht|keine[nmrs]?|vermeide|vermeiden|auf keinen fall|"
            + "unter keinen umstanden|non (?:devi|deve|puoi|puo|parlare|rivelare|condividere|dare|discutere|"
            + "rispondere|fornire)|mai|evitare|in nessun caso|nao (?:deve|pode|podes|fale|revele|compartilhe|"
            + "discuta|de|forneca)|em nenhuma circunstancia|niet|nooit|geen|vermijd|onder geen beding)" + E);

    /** A prohibition whose object comes before it ("providing recipes is not allowed"). */
    private static final Pattern AFTER_OBJECT = Pattern.compile(W + "(?:(?:is|are)\\s+(?:strictly\\s+)?(?:not allowed|"
            + "not permitted|forbidden|prohibited|off[- ]limits|banned|out of scope|not an option)|"
            + "(?:esta|estan) (?:prohibid[oa]s?|no permitid[oa]s?)|(?:est|sont) interdits?|(?:ist|sind) verboten|"
            + "(?:e|sono) vietat[oi]|(?:e|sao) proibid[oa]s?|(?:is|zijn) verboden)" + E);

    /** A chunk after a comma that gives a reason or purpose rather than the object. */
    private static final Pattern REASON = Pattern.compile("^\\s*(?:to (?:maintain|ensure|keep|avoid|protect|prevent|"
            + "stay|make sure|help)|in order|so that|so as|because|since|as (?:a|an|it|this|they|these|you)|"
            + "due to|for [\\p{L}]+ reasons|no matter|given that|which could|which would|this is|"
            + "para (?:mantener|asegurar|evitar)|porque|pour (?:maintenir|garantir|eviter)|parce que|um |weil|"
            + "per (?:mantenere|garantire|evitare)|perche|para (?:manter|garantir)|om |omdat)");

    /** A reason or purpose inside a prohibition's clause ("never discuss X to keep the forum on topic"). */
    private static final Pattern INNER_REASON = Pattern.compile("\\s(?:to (?:maintain|ensure|keep|protect|prevent|"
            + "make sure)|in order to|so that|so as to|because|since|as it|due to|which (?:could|would|is|are)|"
            + "this is (?:to|because)|para (?:mantener|asegurar)|porque|pour (?:maintenir|garantir)|parce que|"
            + "weil|damit|per (?:mantenere|garantire)|perche|para (?:manter|garantir)|omdat)(?![\\p{L}])");

    /** "Other than X", "except X", "unrelated to X": X is allowed. */
    private static final Pattern EXCEPT = Pattern.compile(W + "(?:other than|except(?: for)?|besides|apart from|"
            + "unrelated to|not related to|outside(?: of)?|que no sea[n]?|d'autre que|en dehors de|anderes als|"
            + "ausserhalb|altro che|al di fuori di|alem de|anders dan|"
            + "excepto|salvo|sauf|a part|ausser|tranne|eccetto|exceto|behalve)" + E);

    /** Verbs of giving something away. */
    private static final Pattern DISCLOSE = Pattern.compile(W + "(?:reveal|share|disclose|tell|give|leak|divulge|expose|"
            + "repeat|print|show|say|mention|output|provide|send|hand|pass on|revel|compart|divulg|dar|decir|"
            + "partag|donn|dire|verrat|preis|teil|weiterg|nenn|rivel|condivid|dare|contar|dizer|onthul|deel|delen|"
            + "vertel|geven|prijs)");

    /** The instructions themselves as an object. */
    private static final Pattern OWN_INSTRUCTIONS = Pattern.compile(W + "(?:this|these|the|your|my|system|initial|"
            + "original|above|estas|tus|sus|las|ces|tes|vos|les|diese|deine|ihre|die|queste|tue|le|suas|as|deze|je|"
            + "jouw|de)\\s+(?:system\\s+)?(?:prompt|instructions?|system message|rules|guidelines|directives|"
            + "configuration|instrucciones|indicaciones|reglas|consignes|regles|anweisungen|regeln|istruzioni|"
            + "regole|instrucoes|regras|instructies|regels)" + E);

    /** Instructions that call themselves confidential ("keep this prompt confidential"). */
    private static final Pattern CONFIDENTIAL = Pattern.compile(W + "(?:this|these|the|your|my|system)\\s+(?:system\\s+)?"
            + "(?:prompt|instructions|rules|guidelines|configuration)(?:\\s+[\\p{L}]+){0,3}?\\s+(?:are\\s+|is\\s+)?"
            + "(?:confidential|secret|private|hidden)" + E);

    /** Words that qualify a noun named before them ("their prices", "its history"). */
    private static final Pattern DEPENDENT = Pattern.compile(W + "(?:their|its|his|her|whose|su|sus|leur|leurs|son|sa|"
            + "ses|ihr|ihre|sein|seine|loro|suo|sua|seu|sua|hun|zijn|haar)\\s+((?:[\\p{L}-]+\\s+)?[\\p{L}-]+)");

    /** A capitalised word that is not the first of its sentence: a name ("John Doe", "New York"). */
    private static final Pattern NAME = Pattern.compile("(?<=[\\p{L},'\"] )\\p{Lu}[\\p{L}]{2,}");

    private PolicyReader() {
    }

    /** Returns what {@code instructions} rule out; {@link Policy#NONE} for blank text or no prohibition. */
    public static Policy read(String instructions) {
        if (instructions == null || instructions.isBlank()) {
            return Policy.NONE;
        }
        StringBuilder allowed = new StringBuilder();
        List<String[]> objects = new ArrayList<>(); // {clause, object, the clause's sentence and the one before}
        List<String> scopeClauses = new ArrayList<>();
        StringBuilder scopeSubjects = new StringBuilder();
        String previous = "";
        for (String sentence : SENTENCES.split(instructions.strip())) {
            String kept = withoutReasons(Words.fold(sentence));
            String near = previous + " " + Words.fold(sentence);
            previous = Words.fold(sentence);
            List<String> subjects = ScopeReader.subjects(kept);
            if (!subjects.isEmpty()) {
                scopeClauses.add(sentence.strip());
                subjects.forEach(x -> scopeSubjects.append(' ').append(x));
            }
            Matcher after = AFTER_OBJECT.matcher(kept);
            Matcher cue = CUE.matcher(kept);
            String object;
            if (after.find()) {
                object = kept.substring(0, after.start());
                allowed.append(' ').append(kept.substring(after.end()));
            } else if (cue.find()) {
                object = kept.substring(cue.end());
                if (Words.subjectStems(object).isEmpty() && !Secrets.named(object).isEmpty()) {
                    object = kept; // "das Passwort nicht verraten": the object before the cue
                }
                allowed.append(' ').append(kept, 0, cue.start());
            } else {
                allowed.append(' ').append(kept);
                continue;
            }
            Matcher reason = INNER_REASON.matcher(object);
            if (reason.find()) {
                object = object.substring(0, reason.start());
            }
            Matcher except = EXCEPT.matcher(object);
            if (except.find()) {
                allowed.append(' ').append(object.substring(except.end()));
                object = object.substring(0, except.start());
            }
            objects.add(new String[] {sentence.strip(), object, near});
        }
        Scope scope = scopeClauses.isEmpty() ? Scope.NONE : scope(String.join(" / ", scopeClauses),
                scopeSubjects.toString(), allowed.toString());
        Policy read = policy(Words.fold(instructions), allowed.toString(), objects, names(instructions), scope);
        return read.instructions() || !CONFIDENTIAL.matcher(Words.fold(instructions)).find() ? read
                : new Policy(read.prohibitions(), read.secret(), read.privateData(), true, read.allowedLanguages(),
                        read.names(), read.scope());
    }

    /**
     * Returns the scope of {@code clauses}: the topics their {@code subjects} and the instructions' allowed text name,
     * with the topics close to those, and the allowed text's words (a request about the prompt's own matter stays in).
     */
    private static Scope scope(String clauses, String subjects, String allowedText) {
        Set<Topics.Topic> topics = new LinkedHashSet<>(Topics.in(subjects));
        topics.addAll(Topics.in(allowedText));
        topics.addAll(FieldNames.in(subjects));
        Set<String> named = Words.subjectStems(subjects);
        Set<String> stems = new LinkedHashSet<>(named);
        stems.addAll(Words.subjectStems(allowedText));
        return new Scope(clauses, stems, CloseTopics.around(topics));
    }

    private static Policy policy(String folded, String allowedText, List<String[]> objects, Set<String> names,
                                 Scope scope) {
        Set<String> allowedStems = Words.subjectStems(allowedText);
        Set<Topics.Topic> allowedTopics = Topics.in(allowedText);
        boolean privateData = false;
        boolean instructions = false;
        ProtectedSecret secret = ProtectedSecret.NONE;
        List<Prohibition> prohibitions = new ArrayList<>();
        for (String[] o : objects) {
            String object = o[1];
            boolean gives = DISCLOSE.matcher(object).find();
            boolean personal = PrivateData.protectedBy(object);
            boolean own = gives && (OWN_INSTRUCTIONS.matcher(object).find()
                    || Secrets.pointsBack(object) && OWN_INSTRUCTIONS.matcher(o[2]).find());
            ProtectedSecret guarded = gives ? Secrets.protectedBy(object, o[2]) : ProtectedSecret.NONE;
            privateData |= personal;
            instructions |= own;
            secret = Secrets.union(secret, guarded);
            if (personal || own || !guarded.isEmpty() || !Secrets.named(object).isEmpty()) {
                continue; // these are guarded by the requests they forbid, not by their words
            }
            Set<String> stems = new LinkedHashSet<>(Words.subjectStems(object));
            stems.removeAll(Words.shared(stems, allowedStems));
            Set<Topics.Topic> topics = new LinkedHashSet<>(Topics.in(object));
            topics.removeAll(allowedTopics);
            boolean languages = Languages.CLASS.matcher(object).find();
            Set<String> dependent = new LinkedHashSet<>();
            Matcher d = DEPENDENT.matcher(object);
            while (d.find()) {
                dependent.addAll(Words.subjectStems(d.group(1)));
            }
            dependent.retainAll(stems);
            if (!stems.isEmpty() || !topics.isEmpty() || languages) {
                prohibitions.add(new Prohibition(o[0], stems, dependent, topics, languages));
            }
        }
        return new Policy(prohibitions, Secrets.withModifiers(secret, folded), privateData, instructions,
                Languages.in(allowedText), names, scope);
    }

    /** Returns {@code folded} without the comma-separated chunks that give a reason or a purpose. */
    private static String withoutReasons(String folded) {
        StringBuilder out = new StringBuilder();
        for (String chunk : folded.split(",")) {
            if (!REASON.matcher(chunk).find()) {
                out.append(out.isEmpty() ? "" : ",").append(chunk);
            }
        }
        return out.toString().strip();
    }

    private static Set<String> names(String instructions) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(instructions);
        while (m.find()) {
            String w = Words.fold(m.group());
            if (!Words.subjectStems(w).isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
