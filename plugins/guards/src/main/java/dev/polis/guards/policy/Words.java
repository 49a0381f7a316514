package dev.polis.guards.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into comparable word stems for the policy checks: lower case, accents removed, one common ending
 * stripped ("recipes" and "recipe", "baking" and "bake" meet), and words that name no subject of their own (articles,
 * pronouns, verbs of talking and giving, "information", "topic") left out in English and six other languages.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String[] ENDINGS = {"ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "e"};

    /** Words that carry no subject: function words, and the verbs and nouns a prohibition frames its subject with. */
    private static final Set<String> GENERIC = Set.copyOf(java.util.Arrays.asList((""
            // English function words
            + "a an the this that these those it its any all some such other others another each every no not nor "
            + "and or but if then than so as of to in on at by for from with without into onto about over under "
            + "upon within like unlike including include includes except regarding concerning related relating "
            + "i me my mine you your yours yourself he him his she her hers they them their we us our who whom whose "
            + "what which where when why how there here is are was were be been being am do does did done doing "
            + "have has had having can could will would shall should may might must ought need needs "
            + "very really just only also even too more most much many few less least lot lots ever never always "
            + "again once still yet please kindly anyone anybody anything everyone everything someone something "
            + "nothing none one ones thing things stuff way ways matter matters cost costs circumstance circumstances "
            + "case cases time times order reason reasons purpose purposes "
            // the frame of a prohibition: talking, giving, helping
            + "discuss discussing discussion discussions talk talking speak speaking mention mentioning say saying "
            + "tell telling give giving provide providing share sharing reveal revealing disclose disclosing offer "
            + "offering answer answering answers respond responding response responses reply replying replies "
            + "help helping assist assisting engage engaging address addressing cover covering handle handling "
            + "explain explaining describe describing generate generating produce producing create creating make "
            + "making write writing use using do doing get getting let allow allowed allowing permitted prohibited "
            + "forbidden banned strictly avoid avoiding refrain refuse decline stay keep focus focused "
            + "information info detail details detailed topic topics subject subjects question questions "
            + "request requests query queries content contents matter area areas field fields kind kinds type types "
            + "in-depth depth heavily heavy deep complex advanced general specific particular certain various "
            + "user users human humans people person customer customers client clients "
            + "chatbot bot assistant model programmed designed meant supposed job task role "
            + "prompt instruction instructions rule rules guideline guidelines "
            // Spanish, French, German, Italian, Portuguese, Dutch function words and frame verbs
            + "el la los las un una unos unas de del al y o en con sin por para sobre que es son no nunca jamas "
            + "le les des du et ou dans avec sans pour sur qui est sont ne pas jamais aucun aucune "
            + "der die das den dem des ein eine einen und oder mit ohne fur uber ist sind nicht nie niemals kein "
            + "keine il lo gli di da e con senza per su che non mai nessun "
            + "o os as um uma do da dos das e em com sem por para sobre que nao nunca "
            + "de het een en of met zonder voor over dat is zijn niet nooit geen "
            + "hablar habla discutir dar proporcionar compartir revelar parler discuter donner fournir partager "
            + "reveler sprechen diskutieren geben teilen verraten parlare discutere dare fornire condividere "
            + "rivelare falar discutir dar fornecer compartilhar revelar praten bespreken geven delen onthullen "
            + "tema temas sujet sujets thema themen argomento argomenti assunto assuntos onderwerp onderwerpen "
            + "informacion information informationen informazioni informacao informatie "
            // advice words and common verbs that frame a subject rather than name it
            + "advice advise advising guidance tips tip recommendation recommendations suggestion suggestions "
            + "play playing take taking go going see know think want find work call try ask feel become leave put "
            + "mean begin seem show hear run move believe bring happen learn change lead understand follow stop read "
            + "spend open teach teaching consider appear serve send build carry receive support produce include "
            + "contain containing contains involve involving involves come look like likes well good best new own "
            + "potential possible suggest suggesting recommend recommending name naming list listing").split(" ")));

    private Words() {
    }

    /** Returns {@code text} in lower case without accents, for matching word lists. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower; // nothing to take accents off
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Returns the folded words of {@code text}, in order. */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Returns the stems of the words of {@code text} that name a subject (no generic words, three letters at least). */
    public static Set<String> subjectStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : of(text)) {
            String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
            String stem = stem(w);
            if (w.length() >= 3 && !GENERIC.contains(w) && !GENERIC.contains(stem)
                    && !w.chars().allMatch(Character::isDigit)) {
                out.add(stem);
            }
        }
        return out;
    }

    /** Returns {@code word} (folded) without one common ending, keeping three letters at least. */
    public static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    /**
     * Returns whether two stems name the same word: equal, the shorter (four letters at least) starting the longer,
     * or the same first six letters ("politic" and "political", "opinion" and "opinionated").
     */
    public static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= 4 && longer.startsWith(shorter)) {
            return true;
        }
        return shorter.length() >= 6 && longer.regionMatches(0, shorter, 0, 6);
    }

    /** Returns the stems of {@code stems} that name a word of {@code others}. */
    public static Set<String> shared(Set<String> stems, Set<String> others) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : stems) {
            for (String o : others) {
                if (same(s, o)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }
}
