package dev.polis.guards.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a request for how a dish is made, which is what a recipe is whatever the request calls it: a way of asking
 * how to make or prepare something ("how do I make …", "¿cómo preparo …?", "作り方", "만드는 법") or a verb of
 * preparing food (fry, roast, marinate …) and, in the same sentence, a plain food word (meat, chicken, rice, soup,
 * bread, cake …), in English and the twenty-two other languages of {@link Topics} and {@link TopicTranslations}.
 * The recipes topic counts it, so "no recipes" also covers "how do I make chicken soup?" and its translations.
 *
 * <p>Written for this plugin from ordinary dictionaries: food words name kinds of food, never a particular dish;
 * short words that are common words of another meaning are left out ("et", meat in Turkish, is "and" in French;
 * "米" is America in Japanese; "طبق" is inside "تطبيق", application, in Arabic). Both orders count (the verb comes
 * last in Japanese, Korean, Turkish and Hindi); German and Dutch food words also end compounds ("Apfelkuchen",
 * "kippensoep"). Folded like the text ({@link Words#fold}).
 */
final class DishRequests {

    /** Ways of asking how something is made, and verbs of preparing food. */
    private static final String MAKE = "how (?:do|can|should|would|could|did) (?:i|you|we|one) (?:make|prepare)|"
            + "how to (?:make|prepare)|how is .{1,30} made|fry|frying|roast|grill|marinate|stir-fry|simmer|"
            + "cómo (?:se )?(?:hace|hacen|hacer|hago|preparo|prepara|preparar)|preparar|freír|hornear|"
            + "comment (?:faire|fait-on|on fait|préparer|cuire)|préparer|faire cuire|rôtir|"
            + "wie (?:mache|macht|bereite|bereitet|brate)|zubereit|anbraten|"
            + "come (?:si fa|si fanno|fare|faccio|preparo|preparare)|preparare|friggere|"
            + "como (?:fazer|faço|faz|se faz|preparo)|fritar|grelhar|hoe (?:maak|maakt|bereid)|bereiden|frituren|"
            + "πώς (?:να )?(?:φτιάξω|φτιάχνω|φτιάχνεις|φτιάχνεται|φτιάχνουμε)|φτιάξε|φτιάξτε|τηγανίζ|"
            + "как (?:приготовить|сделать|испечь|пожарить|сварить)|приготовь|пожарить|сварить|"
            + "як (?:приготувати|зробити|спекти|зварити)|приготуй|"
            + "jak (?:zrobić|zrobic|przygotować|przygotowac|ugotować|ugotowac|upiec|usmażyć|usmazyc)|przygotuj|"
            + "jak (?:udělat|udelat|připravit|pripravit|uvařit|uvarit|upéct|upect)|"
            + "nasıl (?:yapılır|yapabilirim|yaparım|pişirilir)|yapılışı|yapımı|"
            + "cara (?:membuat|bikin|memasak|masak)|membuat|bikin|menggoreng|"
            + "cách làm|cach lam|cách nấu|cach nau|làm sao để nấu|"
            + "hur (?:gör|lagar) man|hvordan (?:laver|lager) man|tillaga|tilbered|"
            + "कैसे बनाएं|कैसे बनाते|कैसे बनाये|बनाने की विधि|बनाने का तरीका";

    /** The same in scripts that do not set words apart (or attach articles): matched inside words. */
    private static final String MAKE_UNSPACED = "怎么做|怎麼做|如何做|做法|怎么煮|怎麼煮|怎么炒|怎麼炒|如何烹|"
            + "作り方|つくり方|作るには|どうやって作|調理法|만드는 법|만드는 방법|만드는법|만들려면|어떻게 만들|끓이는 법|"
            + "كيف اصنع|كيف أصنع|كيف احضر|كيف أحضر|طريقة عمل|طريقة تحضير|طريقة صنع";

    /** Plain food words. */
    private static final String FOOD = "meat|beef|chicken|pork|lamb|mutton|fish|salmon|tuna|shrimp|prawn|rice|"
            + "noodle|pasta|spaghetti|soup|stew|sauce|bread|cake|cookie|dessert|salad|dumpling|cheese|omelet|"
            + "pancake|pie\\b|curry|tofu|lentil|potato|vegetable|dough|dish\\b|dishes|meal\\b|meals\\b|"
            + "carne|pollo|cerdo|cordero|pescado|arroz|fideo|sopa|guiso|estofado|salsa|pastel|tarta|"
            + "galleta|postre|ensalada|queso|huevo|viande|boeuf|bœuf|poulet|porc\\b|agneau|poisson|riz\\b|"
            + "nouille|pâtes|soupe|ragoût|pain\\b|gâteau|salade|fromage|omelette|crêpe|tarte|plat\\b|"
            + "[a-zß]{0,20}(?:kuchen|suppe|fleisch|brot|salat|soße|nudeln|eintopf|auflauf|braten)\\b|"
            + "hähnchen|huhn|schwein|lamm|fisch|nachtisch|käse|gericht|maiale|agnello|pesce|riso\\b|risotto|zuppa|minestra|sugo|"
            + "torta|biscott|insalata|formaggio|frittata|piatto|frango|porco|peixe|macarrão|ensopado|molho|"
            + "pão|bolo\\b|sobremesa|salada|queijo|omelete|prato|kip\\b|rijst|noedel|stoofpot|toetje|kaas|"
            + "[a-z]{0,20}(?:taart|soep|vlees|brood|saus|pannenkoeken|pannenkoek)\\b|gerecht|"
            + "κρέας|κοτόπουλο|χοιριν|αρνί|ψάρι|ρύζι|ζυμαρικ|σούπα|σάλτσα|ψωμί|κέικ|σαλάτα|τυρί|ομελέτα|φαγητ|"
            + "мясо|мяса|говядин|курица|курицу|куриц|свинин|баранин|рыба|рыбу|рис\\b|риса\\b|лапш|макарон|"
            + "суп\\b|супа\\b|соус|хлеб|торт|пирог|печенье|салат|сыр\\b|омлет|блины|блюдо|блюда|м'ясо|курк|"
            + "риба|рибу|страв|mięso|mieso|kurczak|wieprzow|wołow|ryba|rybę|ryż|makaron|zupa|zupę|chleb|"
            + "ciasto|ciasta|ciastk|deser|sałatk|omlet|naleśnik|danie|maso\\b|kuřecí|vepřov|hovězí|rýže|"
            + "těstovin|polévk|omáčk|koláč|jídlo|tavuk|dana eti|kuzu|balık|pilav|pirinç|makarna|çorba|"
            + "ekmek|kek\\b|tatlı|salata|peynir|yemek|daging|ayam|babi|kambing|ikan|nasi|beras|sup\\b|roti|kue\\b|"
            + "keju|telur|masakan|hidangan|lauk|thịt|thit|bánh|banh|món ăn|mon an|kött|kott|kyckling|fläsk|"
            + "fisk|ris\\b|nudlar|soppa|sås|bröd|kaka|tårta|sallad|kød|kylling|suppe|brød|kage|kake|"
            + "मांस|चिकन|मछली|चावल|रोटी|केक|मिठाई|पनीर|सब्जी";

    /** The same in scripts that do not set words apart. */
    private static final String FOOD_UNSPACED = "肉|鸡|雞|鱼|魚|米饭|米飯|面条|麵條|汤|湯|面包|麵包|蛋糕|饼干|餅乾|"
            + "甜点|甜點|沙拉|奶酪|鸡蛋|雞蛋|鶏|豚|ご飯|ごはん|麺|ラーメン|うどん|スープ|ソース|ケーキ|クッキー|サラダ|"
            + "チーズ|卵|고기|닭|돼지|생선|밥|국수|라면|찌개|소스|빵|케이크|쿠키|샐러드|치즈|계란|달걀|"
            + "لحم|دجاج|سمك|شوربة|حساء|صلصة|خبز|كعكة|كيك|حلوى";

    /** How far from a way of making the food word may stand, within the sentence. */
    private static final int REACH = 60;
    private static final Pattern MAKING = Pattern.compile(alternatives(MAKE, MAKE_UNSPACED));
    private static final Pattern FOOD_WORD = Pattern.compile(alternatives(FOOD, FOOD_UNSPACED));
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;。！？；\\n]");
    /** Letters one of which a way of making starts with: a cheap test before {@link #MAKING}. */
    private static final String[] LEADS = leads(MAKE + "|" + MAKE_UNSPACED);

    private DishRequests() {
    }

    /** Returns whether folded {@code text} asks how a dish is made. */
    static boolean in(String folded) {
        if (!mayHoldMaking(folded)) {
            return false;
        }
        Matcher m = MAKING.matcher(folded);
        while (m.find()) {
            int from = Math.max(0, m.start() - REACH);
            int to = Math.min(folded.length(), m.end() + REACH);
            String before = folded.substring(from, m.start());
            Matcher end = SENTENCE_END.matcher(before);
            while (end.find()) {
                from = m.start() - before.length() + end.end();
            }
            Matcher after = SENTENCE_END.matcher(folded).region(m.end(), to);
            if (after.find()) {
                to = after.start();
            }
            if (FOOD_WORD.matcher(folded).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldMaking(String folded) {
        for (String lead : LEADS) {
            if (folded.contains(lead)) {
                return true;
            }
        }
        return false;
    }

    private static String alternatives(String spaced, String unspaced) {
        List<String> words = new ArrayList<>();
        for (String w : spaced.split("\\|")) {
            words.add(Words.fold(w));
        }
        List<String> inside = new ArrayList<>();
        for (String w : unspaced.split("\\|")) {
            inside.add(Words.fold(w));
        }
        return "(?<![\\p{L}\\p{N}'])(?:" + String.join("|", words) + ")|" + String.join("|", inside);
    }

    /** Returns the folded letters each alternative of {@code ways} starts with, up to its first pattern sign. */
    private static String[] leads(String ways) {
        List<String> out = new ArrayList<>();
        for (String w : topLevel(ways)) {
            String folded = Words.fold(w);
            int cut = 0;
            while (cut < folded.length() && "()[]{}?*+.\\".indexOf(folded.charAt(cut)) < 0) {
                cut++;
            }
            String lead = folded.substring(0, cut).strip();
            out.add(lead.isEmpty() ? folded : lead);
        }
        return out.stream().distinct().toArray(String[]::new);
    }

    /** Returns the alternatives of {@code ways} outside parentheses ("how (?:do|can) i make|fry": two). */
    private static List<String> topLevel(String ways) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < ways.length(); i++) {
            char c = ways.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '|' && depth == 0) {
                out.add(ways.substring(start, i));
                start = i + 1;
            }
        }
        out.add(ways.substring(start));
        return out;
    }
}
