package dev.polis.mindsearch.lucene;

import dev.polis.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the txt, md and html files under a folder (hidden files and folders skipped, in path order) as
 * {@link SourceDocument}s; bytes that are not UTF-8 are replaced.
 */
public final class CorpusReader {

    private CorpusReader() {
    }

    /** Returns whether {@code file} has an extension the reader takes. */
    static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")
                || name.endsWith(".html") || name.endsWith(".htm");
    }

    /**
     * Returns the readable files under {@code folder} (txt, md, html; hidden ones left out), in path order.
     *
     * @throws InvalidInputException when the folder does not exist, is a file, or cannot be listed
     */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(Files.exists(folder) ? folder + " is a file; give the folder that holds"
                    + " the corpus's txt, md and html files" : "corpus folder " + folder + " does not exist");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(CorpusReader::readable).filter(f -> !hidden(folder, f))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("corpus folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one file of the corpus in {@code folder} (its text may be empty).
     *
     * @throws InvalidInputException when the file cannot be read
     */
    public static SourceDocument read(Path folder, Path file) {
        Path normal = folder.toAbsolutePath().normalize();
        String corpus = normal.getFileName() == null ? "corpus" : normal.getFileName().toString();
        try {
            return document(corpus, folder, file);
        } catch (IOException e) {
            throw new InvalidInputException("corpus file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static SourceDocument document(String corpus, Path root, Path file) throws IOException {
        String id = root.relativize(file).toString().replace('\\', '/');
        String raw = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String lower = id.toLowerCase(Locale.ROOT);
        String title;
        String text;
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            HtmlText.Extracted page = HtmlText.extract(raw);
            title = page.title();
            text = page.text();
        } else {
            text = Paragraphs.normalise(raw);
            title = lower.endsWith(".txt") ? firstLineTitle(text) : markdownTitle(text);
        }
        if (title.isBlank()) {
            String name = file.getFileName().toString();
            title = name.substring(0, name.lastIndexOf('.')).replace('_', ' ').replace('-', ' ');
        }
        return new SourceDocument(id, "local://" + corpus + "/" + id, title, text);
    }

    private static String markdownTitle(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return "";
    }

    private static String firstLineTitle(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        return Paragraphs.count(first) <= 12 && !first.endsWith(".") ? first : "";
    }
}
