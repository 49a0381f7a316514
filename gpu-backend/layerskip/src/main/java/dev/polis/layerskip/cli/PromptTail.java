package dev.polis.layerskip.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a prompt to its end so that prompt and generation fit the context a small model was trained on: the last whole
 * lines within a byte budget, or, when those hold less than {@value #MIN_CHARS} visible characters, the last bytes of
 * the budget (starting at a character boundary).
 */
final class PromptTail {

    static final int MIN_CHARS = 40;

    private PromptTail() {
    }

    /** Returns the end of {@code prompt} within {@code bytes} UTF-8 bytes; the whole prompt when it fits. */
    static String cut(String prompt, int bytes) {
        byte[] all = prompt.getBytes(StandardCharsets.UTF_8);
        if (all.length <= bytes) {
            return prompt;
        }
        String[] lines = prompt.split("\n", -1);
        String tail = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            String candidate = String.join("\n", Arrays.copyOfRange(lines, i, lines.length));
            if (candidate.getBytes(StandardCharsets.UTF_8).length > bytes) {
                break;
            }
            tail = candidate;
        }
        if (tail.strip().length() >= MIN_CHARS) {
            return tail;
        }
        int start = all.length - bytes;
        while (start < all.length && (all[start] & 0xC0) == 0x80) {
            start++;
        }
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }
}
