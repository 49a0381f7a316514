package dev.polis.guards.text;

import java.util.List;
import java.util.Objects;

/**
 * A message prepared for scanning: its normalised text, the texts decoded or uncovered from it, and what the
 * normaliser found on the way (invisible characters, hidden tag text, encoded payloads).
 *
 * @param normalised the text after NFKC, invisible-character removal and homoglyph folding
 * @param views      every text a detector should scan: {@code normalised} first, then decoded payloads
 * @param findings   what the normaliser uncovered, one short phrase each ("base64 payload", "hidden tag text")
 */
public record ScanText(String normalised, List<String> views, List<String> findings) {

    /** Checks the components and copies the lists. */
    public ScanText {
        Objects.requireNonNull(normalised, "normalised");
        views = List.copyOf(views);
        findings = List.copyOf(findings);
    }

    /** Returns whether the normaliser uncovered anything hidden (an encoding, invisible or tag characters). */
    public boolean hidesSomething() {
        return !findings.isEmpty();
    }
}
