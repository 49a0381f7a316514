package dev.polis.guards.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subjects that system prompts commonly rule out, each with its synonyms, the things it plainly includes and its
 * name in Spanish, French, German, Italian, Portuguese and Dutch (and, from {@link TopicTranslations}, in sixteen
 * more languages), so that "never discuss politics" also covers a question about an election or "la política",
 * and "no recipes" covers "une recette" or "요리". A topic is a set of ways to
 * name one subject, not its neighbours: "cake" is not under recipes, nor Haskell under Python.
 *
 * <p>Written for this plugin from ordinary dictionaries. Stems are matched at the start of a folded word (lower case,
 * no accents), so "recett" also matches "recettes"; a stem ending in a space or {@code \b} must end the word; a
 * stem in Chinese, Japanese, Korean or Arabic script matches anywhere (those scripts do not set words apart).
 */
public final class Topics {

    /**
     * One subject.
     *
     * @param name     its name, for reasons and events
     * @param pattern  its stems, as one pattern over folded text
     * @param literals words one of which a text must hold to name it (a cheap test before the pattern), or null
     *                 when a stem is a pattern rather than a word
     * @param requests how a lower-privilege text asks for it without its words (folded text in; for recipes a
     *                 request for how a dish is made, {@link DishRequests}), never used to read instructions
     */
    public record Topic(String name, Pattern pattern, List<String> literals, Predicate<String> requests) {

        /** Returns whether folded {@code text} names this subject. */
        public boolean in(String folded) {
            return mayBeIn(folded) && pattern.matcher(folded).find();
        }

        private boolean mayBeIn(String folded) {
            if (literals == null) {
                return true;
            }
            for (String literal : literals) {
                if (folded.contains(literal)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Returns whether a lower-privilege text names this subject: as {@link #in(String)}, except that a short word
         * that is also an ordinary word elsewhere ("ai" in Italian, "j'ai" in French) counts only in capitals as written,
         * and that a request for it in other words counts too ({@link #requests}).
         */
        public boolean inText(String folded, String raw) {
            if (requests.test(folded)) {
                return true;
            }
            if (!mayBeIn(folded)) {
                return false;
            }
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                if (m.group().length() > 3 || m.group().codePoints().noneMatch(Character::isLowerCase)
                        || raw.contains(m.group().toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Scripts written without spaces between words, or with articles attached: their stems match inside words. */
    private static final Pattern UNSPACED = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}"
            + "\\p{IsHangul}\\p{IsArabic}]");

    /** The subjects. */
    public static final List<Topic> ALL = List.of(
            topic("recipes and cooking", "recipe|receta|recett|rezept|ricett|receita|recept|cook|culinar|cuisin|"
                    + "cocin|kochen|koch |cucin|cozinh|koken|kook", DishRequests::in),
            topic("baking", "bake\\b|baking|baked\\b|pastry|horne|backen|geback|infornar|assar|bakken|patisser"),
            topic("politics", "politic|election|elector|voting\\b|vote\\b|votes\\b|president|parliament|congress\\b|"
                    + "senate|senator|democrat|republican|partisan|eleccion|politiq|politik|wahlen|elezion|eleic|"
                    + "verkiezing|politiek|gobierno|gouvernement|regierung|governo|regering"),
            topic("religion", "religio|church|bible|quran|koran|islam|christian|jesus|buddhis|hindui|judaism|"
                    + "theolog|iglesia|eglise|kirche|chiesa|igreja|kerk\\b|biblia|bibel|religie"),
            topic("medicine", "medic|doctor|diagnos|symptom|disease|illness|prescription|dosage|psychiatr|"
                    + "therap|enfermedad|maladie|krankheit|malattia|doenca|ziekte|arzt|medizin|medikament|farmac|"
                    + "pharma|remedio|medecin|sintoma|geneesmiddel|dokter"),
            topic("law", "lawyer|attorney|lawsuit|legal advice|litigation|abogad|avocat|anwalt|rechtsanwalt|"
                    + "avvocat|advogad|advocaat|demanda judicial|proces\\b"),
            topic("investing", "invest|stock market|stocks\\b|shares\\b|crypto|bitcoin|trading|portfolio|inversion|"
                    + "invertir|investir|investiss|aktie|borsa|bolsa|beleggen|aandelen"),
            topic("artificial intelligence", "ai\\b|artificial intelligence|machine learning|neural net|deep learning|"
                    + "chatgpt|large language model|llm\\b|llms\\b|inteligencia artificial|intelligence artificielle|"
                    + "kunstliche intelligenz|intelligenza artificiale|kunstmatige intelligentie|"
                    + "aprendizaje automatico|apprentissage automatique|maschinelles lernen|apprendimento automatico|"
                    + "aprendizado de maquina|red neuronal|redes neuronal|reseau de neurones|reseaux de neurones|"
                    + "neuronale netz|neuronalen netz|neuronales netz|reti neurali|"
                    + "rede neura|redes neura|neurale netwerk"),
            topic("physics", "physic|quantum|qubit|entanglement|superposition|relativity|fisica|physiq|physik|"
                    + "cuantic|quantiq|quanten|quantist|quantic|kwantum|fysica"),
            topic("mathematics", "math|equation|arithmetic|algebra|calculus|derivative|calculat|"
                    + "matematic|mathemat|wiskunde|ecuacion|equation|gleichung|equazion|equac|vergelijking|"
                    + "berechn|calcul|calcol|rekenen|\\d+\\s*[+*/×÷^]\\s*\\d+|\\d+\\s*%\\s*(?:of|de|von|di)\\b|"
                    + "square root|raiz cuadrada|racine carree|quadratwurzel|radice quadrata"),
            topic("programming", "python|javascript|typescript|programming|coding|source code|compiler|"
                    + "programacion|programmation|programmier|programmazion|programac|programmeren|"
                    + "java\\b|golang|kotlin"),
            topic("chess", "chess|checkmate|ajedrez|echecs|schach|scacchi|xadrez|schaken|schaak"),
            topic("music", "music|musica|musique|musik|muziek|song\\b|songs\\b|composer|symphon|melod|lyric|"
                    + "cancion|chanson|canzon|cancao|liedje|compositor|compositeur|komponist|compositore|componist"),
            topic("history", "ancient|antiquity|civiliz|civilis|zivilisation|civilta|civilizac|beschaving|"
                    + "pharao|pyramid|roman empire|antigu|antiquit|antike\\b"),
            topic("climate change", "climate|global warming|greenhouse|carbon emission|carbon dioxide|fossil fuel|"
                    + "sea level rise|rising sea level|melting glacier|polar ice cap|carbon footprint|net zero|net-zero|"
                    + "ipcc|paris agreement|decarboni|clima|climat|klima|"
                    + "calentamiento global|rechauffement|erderwarmung|riscaldamento globale|aquecimento global|"
                    + "opwarming"),
            topic("weapons", "weapon|firearm|gun\\b|guns\\b|rifle|explosive|bomb\\b|bombs\\b|arma\\b|armas\\b|arme\\b|armes\\b|"
                    + "waffe|wapen|explosiv|esplosiv"),
            topic("alcohol and drugs", "alcohol|alcool|alkohol|liquor|\\bbeer|\\bwine\\b|cocktail|cannabis|"
                    + "marijuana|cocaine|heroin|narcotic|cerveza|\\bvino\\b|\\bvin\\b|\\bwein\\b|\\bbier\\b|droga|drogue|droge"),
            topic("gambling", "gambl|betting|casino|poker|roulette|apuesta|juegos de azar|jeux d'argent|"
                    + "glucksspiel|gioco d'azzardo|scommess|jogos de azar|gokken"),
            topic("sports", "sport|football|soccer|basketball|baseball|tennis|futbol|fussball|calcio|futebol|"
                    + "voetbal|deporte|esporte"),
            topic("dating", "dating|romance|romantic|girlfriend|boyfriend|\\bcita\\b|rendez-vous amoureux|"
                    + "verabredung|appuntamento|namoro"));

    static Topic topic(String name, String stems) {
        return topic(name, stems, folded -> false);
    }

    static Topic topic(String name, String stems, Predicate<String> requests) {
        List<String> bounded = new ArrayList<>();
        List<String> unspaced = new ArrayList<>();
        for (String stem : (stems + "|" + TopicTranslations.of(name)).split("\\|")) {
            if (stem.isEmpty()) {
                continue;
            }
            String folded = Words.fold(stem);
            (UNSPACED.matcher(folded).find() ? unspaced : bounded).add(folded);
        }
        List<String> literals = new ArrayList<>();
        for (String stem : concat(bounded, unspaced)) {
            String literal = stem.replace("\\b", "").strip();
            if (!literal.matches("[\\p{L} '-]+")) {
                literals = null; // a stem that is a pattern: always run the pattern
                break;
            }
            literals.add(literal);
        }
        String words = "(?<![\\p{L}\\p{N}'])(?:" + String.join("|", bounded).replace(" |", "\\b|") + ")";
        String pattern = unspaced.isEmpty() ? words : words + "|" + String.join("|", unspaced);
        return new Topic(name, Pattern.compile(pattern), literals == null ? null : List.copyOf(literals), requests);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Topics() {
    }

    /** Returns the topics named in folded {@code text}. */
    public static Set<Topic> in(String folded) {
        Set<Topic> out = new LinkedHashSet<>();
        for (Topic t : ALL) {
            if (t.in(folded)) {
                out.add(t);
            }
        }
        return out;
    }
}
