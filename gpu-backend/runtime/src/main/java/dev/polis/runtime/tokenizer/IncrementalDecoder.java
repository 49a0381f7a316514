package dev.polis.runtime.tokenizer;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns tokens arriving one at a time into text pieces whose concatenation is the decoded text of all of them.
 *
 * <p>A byte-level tokenizer may split one character (an emoji, a CJK ideograph) across several tokens, and a
 * sentencepiece decoder treats a leading space differently at the start of a text. So each new token is decoded
 * together with the tokens before it (from the previous emission point on), and a piece is released only when the
 * text grew and does not end in an incomplete character (U+FFFD). Not thread-safe: one per generation.
 */
public final class IncrementalDecoder {

    private static final char REPLACEMENT = '\uFFFD';

    private final Function<int[], String> decode;
    private int[] tokens = new int[16];
    private int size;
    private int prefixOffset;
    private int readOffset;

    /** Creates a decoder over {@code decode}, which turns a whole token sequence into text. */
    public IncrementalDecoder(Function<int[], String> decode) {
        this.decode = Objects.requireNonNull(decode, "decode");
    }

    /** Adds {@code token} and returns the text it completes; {@code ""} while a character is still incomplete. */
    public String add(int token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
        return release(false);
    }

    /** Returns whatever text is still held back (an incomplete character at the very end); call once at the end. */
    public String flush() {
        return release(true);
    }

    /** Returns the decoded text of every token added so far. */
    public String text() {
        return decode.apply(Arrays.copyOf(tokens, size));
    }

    /** Returns how many tokens were added. */
    public int tokenCount() {
        return size;
    }

    private String release(boolean force) {
        if (readOffset == size) {
            return "";
        }
        String before = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, readOffset));
        String after = decode.apply(Arrays.copyOfRange(tokens, prefixOffset, size));
        boolean grown = after.length() > before.length() && after.startsWith(before);
        if (!grown || (!force && after.charAt(after.length() - 1) == REPLACEMENT)) {
            return "";
        }
        prefixOffset = readOffset;
        readOffset = size;
        return after.substring(before.length());
    }
}
