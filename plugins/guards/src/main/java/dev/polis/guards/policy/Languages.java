package dev.polis.guards.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of languages, each under one canonical name, in English and the languages it is most often written in, so
 * that "translate only into French; never into any other language" rules out "al alemán" and allows "en français".
 * A class of distinct members, unlike a {@link Topics.Topic}: naming the class ("other languages") rules out the
 * members the instructions do not name.
 */
final class Languages {

    private record Language(String name, Pattern pattern) {
    }

    /** The word for the class: a prohibition naming it rules out the languages the instructions do not allow. */
    static final Pattern CLASS = Pattern.compile("(?<![\\p{L}])(?:languages?|idiomas?|lenguas?|langues?|sprachen?|"
            + "lingu[ae]|linguas?|talen|taal)(?![\\p{L}])");

    private static final List<Language> ALL = List.of(
            language("english", "english|anglais|ingles|englisch|inglese|engels"),
            language("spanish", "spanish|espanol|espagnol|spanisch|spagnolo|espanhol|spaans|castellano"),
            language("french", "french|frances|francais|franzosisch|francese|frans"),
            language("german", "german|aleman|allemand|deutsch|tedesco|alemao|duits"),
            language("italian", "italian|italien|italiano|italienisch|italiaans"),
            language("portuguese", "portugu|portugees"),
            language("dutch", "dutch|neerlandais|hollandes|niederlandisch|nederlands|olandese"),
            language("russian", "russian|russe|ruso|russisch|russo"),
            language("chinese", "chinese|chino|chinois|chinesisch|cinese|chines|mandarin|cantonese"),
            language("japanese", "japanese|japones|japonais|japanisch|giapponese|japans"),
            language("korean", "korean|coreano|coreen|koreanisch|koreaans"),
            language("arabic", "arabic|arabe|arabisch|arabo"),
            language("hindi", "hindi"),
            language("turkish", "turkish|turco|turc|turkisch"),
            language("polish", "polish|polaco|polonais|polnisch"),
            language("swedish", "swedish|sueco|suedois|schwedisch"),
            language("greek", "greek|griego|grec|griechisch|greco|grieks"),
            language("hebrew", "hebrew|hebreo|hebreu|hebraisch"),
            language("latin", "latin|latein"),
            language("other", "klingon|esperanto|swahili|vietnamese|indonesian|ukrainian|czech|danish|norwegian|"
                    + "finnish"));

    private Languages() {
    }

    private static Language language(String name, String stems) {
        return new Language(name, Pattern.compile("(?<![\\p{L}])(?:" + stems + ")"));
    }

    /** Returns the canonical names of the languages named in folded {@code text}. */
    static Set<String> in(String folded) {
        Set<String> out = new LinkedHashSet<>();
        for (Language l : ALL) {
            Matcher m = l.pattern().matcher(folded);
            if (m.find()) {
                out.add(l.name());
            }
        }
        return out;
    }
}
