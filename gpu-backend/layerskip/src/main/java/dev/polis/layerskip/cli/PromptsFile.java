package dev.polis.layerskip.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.polis.api.InvalidInputException;

/** Reads a prompts file: one prompt per line, {@code \n} for a newline and {@code \\} for a backslash. */
final class PromptsFile {

    private PromptsFile() {
    }

    /** Returns the non-blank prompts of {@code file}, unescaped. */
    static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("prompts file " + file + " does not exist");
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(PromptsFile::unescape).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
