package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the regular expressions of the override family ("ignore the previous instructions") in twenty languages
 * other than English: a verb of ignoring, a word pointing back (previous, all, your) and a word for instructions, in any
 * of the orders the language puts them, within one clause (in Latin and Cyrillic script each part starts a word). Translating an override is a known way around
 * English-only filters (CyberSecEval's "different user input language" family, the spec's suite A7).
 *
 * <p>The word lists are stems written for this plugin from ordinary dictionaries; each language needs all three
 * parts, so a sentence that only mentions instructions ("las instrucciones del fabricante") does not match.
 */
final class MultilingualRules {

    /** Where the verb goes: first (word starts marked), first in a script without spaces, or last. */
    private enum Order { VERB_FIRST, VERB_FIRST_UNSPACED, VERB_LAST }

    private record Language(String verbs, String prior, String nouns, Order order) {
    }

    /** Characters that end a clause in the scripts below. */
    private static final String GAP = "[^.!?;\\n。！？；।]{0,40}?";

    private static final List<Language> LANGUAGES = List.of(
            // Spanish, French, Italian, Portuguese, Catalan share Latin stems; each list stays per language
            new Language("ignor|olvid|omit|descart|pasa por alto|haz caso omiso", "anterior|previ|todas|tus|sus|"
                    + "original", "instruccion|indicacion|regla|orden|directriz|directrices", Order.VERB_FIRST),
            new Language("ignor|oubli|ne tiens? pas compte|ne tenez pas compte|fais abstraction", "précédent|precedent|"
                    + "antérieur|anterieur|toutes|tes|vos|initial", "instruction|consigne|règle|regle|directive|ordre",
                    Order.VERB_FIRST),
            new Language("ignorier|vergiss|vergessen|missacht|übergeh|ubergeh", "vorherig|bisherig|früher|frueher|"
                    + "alle|deine|ihre|obig|ursprünglich", "anweisung|instruktion|regel|vorgabe|befehl|richtlinie",
                    Order.VERB_FIRST),
            new Language("ignor|dimentic|trascur|non tenere conto", "precedent|tutte|tue|sue|iniziali|originali",
                    "istruzion|regol|direttiv|indicazion", Order.VERB_FIRST),
            new Language("ignor|esqueç|esquec|desconsider|despreze", "anterior|prévi|previ|todas|suas|tuas|"
                    + "iniciais|originais", "instruç|instruc|regra|diretriz|diretrizes|ordens", Order.VERB_FIRST),
            new Language("negeer|vergeet|negeren", "vorige|eerdere|alle|je|jouw|oorspronkelijke",
                    "instructie|regel|opdracht", Order.VERB_FIRST),
            // "не" is spelled with letters that look Latin, so the normaliser may have folded it to "he"
            new Language("игнорир|забуд|забыв|(?:не|he) обращай|(?:не|he) учитывай|проигнорир", "предыдущ|прежн|все|свои|"
                    + "твои|ваши|исходн", "инструкц|указани|правил|команд", Order.VERB_FIRST),
            new Language("忽略|无视|無視|忘记|忘掉|忘記|不要理会|不要理會", "之前|以前|先前|上面|上述|所有|你的|原来|原來",
                    "指令|指示|说明|說明|规则|規則|命令", Order.VERB_FIRST_UNSPACED),
            new Language("無視|忘れ", "以前|前の|上記|すべて|全て|これまで", "指示|命令|ルール|指令", Order.VERB_LAST),
            new Language("무시|잊", "이전|앞의|모든|위의|기존", "지시|지침|명령|규칙", Order.VERB_LAST),
            new Language("अनदेखी|अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल|उपेक्षा", "पिछले|पूर्व|सभी|पहले|ऊपर", "निर्देश|नियम|आदेश",
                    Order.VERB_LAST),
            // Greek, Polish, Czech and Slovak, Ukrainian, Swedish, Danish and Norwegian, Indonesian and Malay,
            // Vietnamese (with and without its tone marks): verb first
            new Language("αγνόησε|αγνοησε|αγνοήστε|αγνοηστε|ξέχασε|ξεχασε|ξεχάστε|ξεχαστε|παράβλεψε|"
                    + "παραβλεψε", "προηγούμεν|προηγουμεν|"
                    + "όλες|ολες|τις παραπάνω|τις παραπανω|αρχικ", "οδηγί|οδηγι|εντολ|κανόν|κανον", Order.VERB_FIRST),
            new Language("zignoruj|ignoruj|zapomnij|pomiń|pomin|nie zwracaj uwagi", "poprzedni|wszystk|wcześniejsz|"
                    + "wczesniejsz|swoje|twoje|powyższ|powyzsz|pierwotn", "instrukcj|poleceni|zasad|reguł|regul",
                    Order.VERB_FIRST),
            new Language("ignoruj|zapomeň|nevšímej|nevsimej|zabudni", "předchozí|predchozi|predošl|predosl|"
                    + "všechn|vsechn|všetk|vsetk|dřívější|drivejsi|své|sve|tvoje|původní|puvodni",
                    "pokyn|instrukc|pravidl|příkaz|prikaz", Order.VERB_FIRST),
            new Language("ігноруй|проігноруй|забудь|не зважай", "попередн|усі|всі|свої|твої|початков",
                    "інструкці|вказівк|правил|команд", Order.VERB_FIRST),
            new Language("ignorera\\b|ignorer\\b|glöm\\b|glom\\b|glem\\b|strunta i|bortse fra|se bort från|"
                    + "se bort fra",
                    "tidigare|tidligere|föregående|foregaende|forrige|alla|alle|dina|dine|ovanstående|ovenstående",
                    "instruktion|instruks|regler|anvisning|direktiv", Order.VERB_FIRST),
            new Language("abaikan|lupakan|acuhkan|jangan hiraukan|jangan pedulikan", "sebelumnya|semua|seluruh|"
                    + "terdahulu|di atas|awal|anda", "instruksi|perintah|arahan|petunjuk|aturan|peraturan",
                    Order.VERB_FIRST),
            new Language("bỏ qua|bo qua|phớt lờ|phot lo|lờ đi|quên đi|quen di|quên hết|quen het", "trước|truoc|"
                    + "tất cả|tat ca|ban đầu|ban dau|ở trên|o tren|của bạn|cua ban", "hướng dẫn|huong dan|"
                    + "chỉ dẫn|chi dan|chỉ thị|chi thi|mệnh lệnh|menh lenh|quy tắc|quy tac", Order.VERB_FIRST),
            // Turkish: verb last
            new Language("görmezden gel|gormezden gel|yok say|unut\\b|unutun\\b|göz ardı et|goz ardi et|dikkate alma",
                    "önceki|onceki|tüm|tum|bütün|butun|yukarıdaki|yukaridaki|ilk|verilen", "talimat|yönerge|yonerge|"
                    + "komut|kural", Order.VERB_LAST),
            // Arabic: articles attach to the word, so no word starts are marked
            new Language("تجاهل|تناسى|انس|لا تلتزم|لا تتبع", "السابقة|السابق|جميع|كل|الأصلية|الاصلية|أعلاه|اعلاه",
                    "تعليمات|التعليمات|الأوامر|الاوامر|أوامر|اوامر|القواعد|قواعد|توجيهات", Order.VERB_FIRST_UNSPACED));

    private MultilingualRules() {
    }

    /**
     * Returns one regular expression per language: verb, pointer and noun in the orders the language uses (verb
     * first in the European languages, either way in Chinese, last in Japanese, Korean and Hindi; pointer and
     * noun either way round).
     */
    static List<String> overrides() {
        List<String> out = new ArrayList<>();
        for (Language l : LANGUAGES) {
            String b = l.order() == Order.VERB_FIRST ? "(?<!\\p{L})" : "";
            String v = b + "(?:" + l.verbs() + ")";
            String p = b + "(?:" + l.prior() + ")";
            String n = b + "(?:" + l.nouns() + ")";
            String first = v + GAP + p + GAP + n + "|" + v + GAP + n + GAP + p;
            String last = p + GAP + n + GAP + v + "|" + n + GAP + p + GAP + v;
            out.add(switch (l.order()) {
                case VERB_FIRST -> first;
                case VERB_FIRST_UNSPACED -> first + "|" + last;
                case VERB_LAST -> last;
            });
        }
        return out;
    }

    /**
     * Returns the literals one of which every match of {@code overrides().get(i)} holds: its verb stems (of a
     * negated verb, the verb; without the word ends some stems mark).
     */
    static String[] verbs(int i) {
        return LANGUAGES.get(i).verbs().replace("(?:не|he) ", "").replace("\\b", "").split("\\|");
    }

    /** Returns the nouns of {@code overrides().get(i)}, one of which every match holds too. */
    static String[] nouns(int i) {
        return LANGUAGES.get(i).nouns().split("\\|");
    }

    /** Returns the number of languages. */
    static int languages() {
        return LANGUAGES.size();
    }
}
