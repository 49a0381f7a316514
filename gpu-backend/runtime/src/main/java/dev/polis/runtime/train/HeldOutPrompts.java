package dev.polis.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cuts prompts out of the held-out part of a {@link Corpus} (text training never reads) for benchmarks: up to
 * {@code count} prompts of whole lines, 120–400 bytes each, starting at line starts spread evenly over the held-out
 * part and never crossing a document boundary.
 *
 * <p>Written as {@value #JSONL} (one JSON object {@code {"id": n, "prompt": "..."}} per line, exact text) and
 * {@value #TEXT} (one prompt per line, with {@code \} written as {@code \\} and newlines as {@code \n}).
 */
final class HeldOutPrompts {

    /** The exact prompts, one JSON object per line. */
    static final String JSONL = "heldout-prompts.jsonl";
    /** The prompts one per line, backslash-escaped. */
    static final String TEXT = "heldout-prompts.txt";

    private static final int MIN_BYTES = 120;
    private static final int MAX_BYTES = 400;

    private HeldOutPrompts() {
    }

    /** Returns up to {@code count} prompts from the held-out part of {@code corpus}. */
    static List<String> cut(Corpus corpus, int count) {
        char[] tokens = corpus.tokens();
        int start = corpus.heldoutStart();
        int length = corpus.heldoutLength();
        List<String> prompts = new ArrayList<>();
        int candidates = count * 4;
        int previousEnd = -1;
        for (int i = 0; i < candidates && prompts.size() < count; i++) {
            int at = start + (int) ((long) length * i / candidates);
            while (at < tokens.length && at > start && tokens[at - 1] != '\n' && tokens[at - 1] < 256) {
                at++;
            }
            if (at < previousEnd) {
                continue;
            }
            int end = at;
            int lastLineEnd = -1;
            while (end < tokens.length && end - at < MAX_BYTES && tokens[end] < 256) {
                if (tokens[end] == '\n' && end + 1 - at >= MIN_BYTES) {
                    lastLineEnd = end + 1;
                }
                end++;
            }
            if (lastLineEnd < 0) {
                continue;
            }
            byte[] bytes = new byte[lastLineEnd - at];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) tokens[at + j];
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.isBlank() && text.indexOf('\uFFFD') < 0) {
                prompts.add(text);
                previousEnd = lastLineEnd;
            }
        }
        return prompts;
    }

    /** Writes {@code prompts} into {@code folder} in both formats. */
    static void write(Path folder, List<String> prompts) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder jsonl = new StringBuilder();
        StringBuilder text = new StringBuilder();
        try {
            for (int i = 0; i < prompts.size(); i++) {
                var node = json.createObjectNode().put("id", i).put("prompt", prompts.get(i));
                jsonl.append(json.writeValueAsString(node)).append('\n');
                text.append(prompts.get(i).replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(JSONL), jsonl);
            Files.writeString(folder.resolve(TEXT), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the held-out prompts into " + folder, e);
        }
    }
}
