package dev.polis.runtime.tokenizer;

/**
 * Maps each of the 256 byte values to the printable character that stands for it in byte-level BPE vocabularies.
 *
 * <p>This is the GPT-2 convention that Hugging Face's {@code ByteLevel} pre-tokenizer and decoder use: printable
 * Latin-1 bytes stand for themselves, the others are shifted to code points from U+0100 on.
 */
final class ByteLevelAlphabet {

    private static final char[] CHARS = build();

    private ByteLevelAlphabet() {
    }

    /** Returns the character standing for byte value {@code b} (0 to 255). */
    static char charOf(int b) {
        return CHARS[b];
    }

    private static char[] build() {
        char[] chars = new char[256];
        boolean[] direct = new boolean[256];
        for (int b = 0; b < 256; b++) {
            direct[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        }
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            chars[b] = direct[b] ? (char) b : (char) (256 + shifted++);
        }
        return chars;
    }
}
