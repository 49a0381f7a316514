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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded payloads (base64, hexadecimal, 8-bit binary, Morse code) in a text and decodes them, so that an
 * instruction hidden in an encoding is scanned like plain text. A payload counts only when it decodes to readable
 * text. Letter shifts (ROT13, Caesar) are {@link Shifts}'.
 */
public final class Decoders {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}[\\s:]?){8,}");
    private static final Pattern BINARY = Pattern.compile("(?<![01])(?:[01]{8}\\s+){3,}[01]{8}(?![01])");
    private static final Pattern MORSE_RUN = Pattern.compile("(?<![.\\-])(?:[.\\-]{1,6}(?:\\s+/\\s+|\\s+)){3,}[.\\-]{1,6}");
    /** Each Morse code between spaces, followed by its letter: " .- Ba ..." read as " code letter". */
    private static final String MORSE = " .- A -... B -.-. C -.. D . E ..-. F --. G .... H .. I .--- J -.- K .-.. L "
            + "-- M -. N --- O .--. P --.- Q .-. R ... S - T ..- U ...- V .-- W -..- X -.-- Y --.. Z ----- 0 "
            + ".---- 1 ..--- 2 ...-- 3 ....- 4 ..... 5 -.... 6 --... 7 ---.. 8 ----. 9 ..--.. ? ";

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
        return Shifts.shift(text, 13);
    }

    /** Returns the texts spelt in 8-bit binary groups ("01001001 01100111 ...") in {@code text}, in order. */
    public static List<String> binary(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BINARY.matcher(text);
        while (m.find()) {
            String[] groups = m.group().trim().split("\\s+");
            byte[] bytes = new byte[groups.length];
            for (int i = 0; i < groups.length; i++) {
                bytes[i] = (byte) Integer.parseInt(groups[i], 2);
            }
            readable(bytes).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the texts spelt in Morse code (letters apart by spaces, words by " / ") in {@code text}, in order. */
    public static List<String> morse(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = MORSE_RUN.matcher(text);
        while (m.find()) {
            StringBuilder decoded = new StringBuilder();
            for (String word : m.group().trim().split("\\s*/\\s*")) {
                for (String code : word.trim().split("\\s+")) {
                    int at = MORSE.indexOf(" " + code + " ");
                    if (at >= 0) {
                        decoded.append(MORSE.charAt(at + code.length() + 2));
                    }
                }
                decoded.append(' ');
            }
            String plain = decoded.toString().strip().toLowerCase(Locale.ROOT);
            if (plain.chars().filter(Character::isLetter).count() >= 4) {
                out.add(plain);
            }
        }
        return out;
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
