package dev.polis.guards.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a message for scanning: Unicode NFKC, invisible and tag characters removed (tag text read out),
 * homoglyphs folded, and base64, hexadecimal, binary, Morse, ROT13/Caesar and leetspeak payloads decoded and a
 * payload split into named pieces put back together, each scanned again (one level deep).
 */
public final class Normaliser {

    private static final int MAX_VIEWS = 8;

    /** The finding of a payload split into named pieces and put back together ({@link SplitPayloads}). */
    public static final String SPLIT_PAYLOAD = "split payload";

    /** Returns {@code text} normalised, with the decoded views a detector should scan too. */
    public ScanText prepare(String text) {
        List<String> findings = new ArrayList<>();
        List<String> views = new ArrayList<>();
        String hidden = InvisibleCharacters.hiddenTagText(text);
        if (InvisibleCharacters.count(text) > 0) {
            findings.add("invisible characters");
        }
        String normalised = clean(text);
        views.add(normalised);
        if (!hidden.isBlank()) {
            findings.add("hidden tag text");
            views.add(clean(hidden));
        }
        for (String decoded : Decoders.base64(normalised)) {
            addDecoded(views, findings, "base64 payload", decoded);
        }
        for (String decoded : Decoders.hex(normalised)) {
            addDecoded(views, findings, "hex payload", decoded);
        }
        for (String decoded : Decoders.binary(normalised)) {
            addDecoded(views, findings, "binary payload", decoded);
        }
        for (String decoded : Decoders.morse(normalised)) {
            addDecoded(views, findings, "Morse code", decoded);
        }
        Shifts.decode(normalised).ifPresent(d -> addDecoded(views, findings,
                d.onlyRot() ? "ROT13 text" : "letter-shifted text", d.text()));
        Leetspeak.decode(unfolded(text)).ifPresent(d -> addDecoded(views, findings, "leetspeak", d));
        SplitPayloads.reassemble(normalised).ifPresent(d -> addDecoded(views, findings, SPLIT_PAYLOAD, d));
        return new ScanText(normalised, views, findings);
    }

    /**
     * Returns {@code text} after NFKC, invisible-character removal and homoglyph folding, with private-use characters
     * (the datamarking marker U+E000 among them) read as spaces.
     */
    public static String clean(String text) {
        return Homoglyphs.fold(unfolded(text));
    }

    /** Returns {@code text} cleaned like {@link #clean} but without folding look-alikes (leetspeak reads it whole). */
    private static String unfolded(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return privateUseAsSpace(InvisibleCharacters.strip(nfkc));
    }

    private static String privateUseAsSpace(String text) {
        if (text.chars().noneMatch(c -> Character.getType(c) == Character.PRIVATE_USE)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.getType(cp) == Character.PRIVATE_USE ? ' ' : cp));
        return out.toString();
    }

    private static void addDecoded(List<String> views, List<String> findings, String finding, String decoded) {
        if (views.size() < MAX_VIEWS) {
            findings.add(finding);
            views.add(clean(decoded));
        }
    }
}
