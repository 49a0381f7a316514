package dev.polis.guards.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded payloads (base64, hexadecimal, ROT13) in a text and decodes them, so that an instruction hidden in
 * an encoding is scanned like plain text. A payload counts only when it decodes to readable text.
 */
public final class Decoders {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}[\\s:]?){8,}");
    private static final Set<String> COMMON_WORDS = Set.of("the", "and", "you", "your", "to", "of", "a", "is", "are",
            "in", "that", "it", "for", "this", "with", "on", "be", "all", "what", "ignore", "previous", "instructions",
            "system", "prompt", "password", "tell", "me", "now", "do", "not", "say", "print", "reveal");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern SEGMENT = Pattern.compile("[^\\n:.!?]+");

    private Decoders() {
    }

    /** Returns the readable texts decoded from the base64 runs of {@code text}, in order. */
    public static List<String> base64(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (!hasMixedCase(run)) {
                continue; // a long word or identifier, not base64
            }
            decodeBase64(run).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the readable texts decoded from the hexadecimal runs of {@code text}, in order. */
    public static List<String> hex(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = HEX.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[\\s:]", "");
            if (digits.length() % 2 != 0) {
                digits = digits.substring(0, digits.length() - 1);
            }
            byte[] bytes = new byte[digits.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
            }
            readable(bytes).ifPresent(out::add);
        }
        return out;
    }

    /** Returns {@code text} with ROT13 applied to its Latin letters (ROT13 is its own inverse). */
    public static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns the ROT13 reading of {@code text} when it holds more common English words than the text itself. */
    /**
     * Returns {@code text} with its ROT13 parts decoded: the whole text when it reads better decoded, else each
     * stretch between line breaks, colons and sentence ends that does (an encoded line inside an e-mail, or after
     * "decode this:"); empty when no part does.
     */
    public static Optional<String> rot13Parts(String text) {
        Optional<String> whole = rot13IfReadable(text);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher m = SEGMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean any = false;
        while (m.find()) {
            Optional<String> decoded = rot13IfReadable(m.group());
            out.append(text, last, m.start()).append(decoded.orElse(m.group()));
            last = m.end();
            any |= decoded.isPresent();
        }
        out.append(text, last, text.length());
        return any ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Returns {@code text} decoded when it reads better with ROT13 (three common words or more, twice as many). */
    public static Optional<String> rot13IfReadable(String text) {
        String decoded = rot13(text);
        int before = commonWords(text);
        int after = commonWords(decoded);
        return after >= 3 && after > 2 * before ? Optional.of(decoded) : Optional.empty();
    }

    private static int commonWords(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            if (COMMON_WORDS.contains(m.group())) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasMixedCase(String run) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    private static Optional<String> decodeBase64(String run) {
        String padded = run.replace('-', '+').replace('_', '/').replace("=", "");
        while (padded.length() % 4 != 0) {
            padded += "=";
        }
        try {
            return readable(Base64.getDecoder().decode(padded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            long printable = text.codePoints().filter(cp -> !Character.isISOControl(cp) || cp == '\n' || cp == '\t')
                    .count();
            long letters = text.codePoints().filter(Character::isLetter).count();
            boolean ok = !text.isEmpty() && printable == text.codePointCount(0, text.length())
                    && letters * 2 >= text.length();
            return ok ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
