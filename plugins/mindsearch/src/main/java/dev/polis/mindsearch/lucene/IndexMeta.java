package dev.polis.mindsearch.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The description {@code polis index} writes beside the Lucene files ({@code polis-index.json}): what the folder is,
 * in which format, and how much it holds.
 *
 * @param format       the layout's version; {@link #FORMAT} for indexes this plugin writes
 * @param corpus       the corpus folder it was built from
 * @param documents    how many documents it holds
 * @param passages     how many passages it holds
 * @param passageWords the most words per passage
 */
public record IndexMeta(int format, String corpus, int documents, int passages, int passageWords) {

    /** The file name. */
    public static final String FILE = "polis-index.json";
    /** The layout this plugin writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the description into {@code folder}. */
    void write(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    /** Returns whether {@code folder} holds a description (whatever its content). */
    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /**
     * Reads the description of the index in {@code folder}.
     *
     * @throws InvalidInputException when the folder is missing, is no Polis index, or has another format
     */
    static IndexMeta read(Path folder) {
        String rebuild = "; build one with 'polis index <corpus folder> --output " + folder + "'";
        if (!Files.exists(folder)) {
            throw new InvalidInputException("index folder " + folder + " does not exist" + rebuild);
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is a file, not an index folder" + rebuild);
        }
        if (!present(folder)) {
            throw new InvalidInputException(folder + " is not a Polis search index (it has no " + FILE + ")" + rebuild);
        }
        try {
            JsonNode node = JSON.readTree(folder.resolve(FILE).toFile());
            int format = node.path("format").asInt(-1);
            if (format != FORMAT) {
                throw new InvalidInputException(folder.resolve(FILE) + ": format " + format + " is not the format "
                        + FORMAT + " this plugin reads" + rebuild.replace("build one", "rebuild it"));
            }
            return new IndexMeta(format, node.path("corpus").asText(), node.path("documents").asInt(),
                    node.path("passages").asInt(), node.path("passageWords").asInt());
        } catch (IOException e) {
            throw new InvalidInputException(folder.resolve(FILE) + " is damaged (" + e.getMessage() + ")"
                    + rebuild.replace("build one", "rebuild it"), e);
        }
    }
}
