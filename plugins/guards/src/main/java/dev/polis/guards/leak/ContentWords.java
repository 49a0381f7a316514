package dev.polis.guards.leak;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.polis.guards.policy.Words;

/**
 * Cuts a text into the stems of its content words for the leak check: folded (lower case, no accents), one common
 * ending stripped ({@link Words#stem}), function words of English, Spanish, French, German, Italian, Portuguese and
 * Dutch left out, and the words every instruction is framed with ("you", "always", "never", "should"). Numbers count:
 * "27 days" or a phone number is the prompt's content in any language.
 */
public final class ContentWords {

    private static final Set<String> STOP = Set.copyOf(Arrays.asList((""
            // English
            + "a an the this that these those it its any all some such other another each every no not nor and or "
            + "but if then than so as of to in on at by for from with without into onto about over under up out "
            + "i me my mine you your yours yourself he him his she her they them their we us our who whom whose what "
            + "which where when why how there here is are was were be been being am do does did done have has had "
            + "can could will would shall should may might must don't doesn't can't won't isn't aren't i'm you're "
            + "i've you've it's that's let's very just only also even too more most much many less ever never always "
            + "again once still yet please whether unless until before after while because instead one ones "
            + "let per any anything something nothing everything "
            // Spanish
            + "el la los las un una unos unas de del al y o u en con sin por para sobre que es son no ni nunca "
            + "siempre se su sus lo le les te tu tus yo mi mis me como mas muy pero si ya este esta estos estas "
            // French
            + "le les des du et ou dans avec sans pour sur qui est sont ne pas jamais toujours ce cet cette ces "
            + "son sa ses leur leurs tu te toi vous votre vos je mon ma mes il elle ils elles au aux en une un "
            // German
            + "der die das den dem des ein eine einen einem einer und oder mit ohne fur uber ist sind nicht nie "
            + "niemals immer kein keine du dich dir dein deine sie ihr ihre ich mich mir mein meine es zu im am vom "
            + "bist sei hat haben wird werden kann soll darf muss "
            + "zum zur auf aus bei von wie was wenn auch nur sondern "
            // Italian
            + "il lo gli di da con senza per su che non mai sempre sei tuo tua tuoi io mio mia alla al alle dei "
            + "delle della nel nella una uno ed "
            // Portuguese
            + "os as um uma do da dos das em com sem nao voce seu sua eu meu minha ao aos na no nas nos pelo pela "
            // Dutch
            + "de het een en of met zonder voor over dat zijn niet nooit geen altijd je jij jouw u uw ik mijn "
            + "wij we ze hun bij naar van op te als maar ook").split(" ")));

    private ContentWords() {
    }

    /** Returns the distinct content stems of {@code text}, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : Words.of(text)) {
            String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
            w = trim(w);
            if (w.isEmpty() || STOP.contains(w)) {
                continue;
            }
            boolean number = w.chars().allMatch(Character::isDigit);
            if (number || w.length() >= 3) {
                out.add(number ? w : Words.stem(w));
            }
        }
        return out;
    }

    /** Returns the share of {@code stems} that name a word of {@code others} ({@link Words#same}), 0 when empty. */
    public static double coverage(Set<String> stems, Set<String> others) {
        return stems.isEmpty() ? 0 : (double) found(stems, others) / stems.size();
    }

    /** Returns how many of {@code stems} name a word of {@code others}. */
    public static int found(Set<String> stems, Set<String> others) {
        int found = 0;
        for (String s : stems) {
            if (found(s, others)) {
                found++;
            }
        }
        return found;
    }

    /** Returns whether {@code stem} names a word of {@code others}: the same number, or the same word stem. */
    static boolean found(String stem, Set<String> others) {
        if (others.contains(stem)) {
            return true;
        }
        if (Character.isDigit(stem.charAt(0))) {
            return false;
        }
        for (String o : others) {
            if (!Character.isDigit(o.charAt(0)) && Words.same(stem, o)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String word) {
        int end = word.length();
        while (end > 0 && (word.charAt(end - 1) == '-' || word.charAt(end - 1) == '\'')) {
            end--;
        }
        return word.substring(0, end);
    }
}
