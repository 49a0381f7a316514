package dev.polis.guards.text;

/**
 * Removes characters that render as nothing (zero-width, bidi controls, soft hyphens) and reads the ASCII text
 * hidden in Unicode tag characters (U+E0000 to U+E007F), which is how "ASCII smuggling" hides instructions.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    /** Returns whether {@code codePoint} renders as nothing and is dropped before scanning. */
    public static boolean isInvisible(int codePoint) {
        return codePoint == 0x00AD || codePoint == 0x034F || codePoint == 0x061C || codePoint == 0x180E
                || (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x2069)
                || codePoint == 0xFEFF
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || isTag(codePoint);
    }

    /** Returns whether {@code codePoint} is a Unicode tag character. */
    public static boolean isTag(int codePoint) {
        return codePoint >= 0xE0000 && codePoint <= 0xE007F;
    }

    /** Returns {@code text} without its invisible characters. */
    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isInvisible(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Returns the ASCII text carried by the tag characters of {@code text}, or {@code ""} when there are none. */
    public static String hiddenTagText(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(InvisibleCharacters::isTag).forEach(cp -> {
            int ascii = cp - 0xE0000;
            if (ascii >= 0x20 && ascii < 0x7F) {
                out.append((char) ascii);
            }
        });
        return out.toString();
    }

    /** Returns how many invisible characters {@code text} holds. */
    public static long count(String text) {
        return text.codePoints().filter(InvisibleCharacters::isInvisible).count();
    }
}
