package dev.polis.govsim.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The JSON mapper of the plugin's records and an atomic file write (a killed process never leaves half a file). */
public final class Json {

    /** Reads and writes records; unknown properties (derived getters) are ignored on reading. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** Writes {@code value} as JSON to {@code file} through a temporary file and an atomic move. */
    public static void write(Path file, Object value, boolean pretty) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] bytes = pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value)
                    : MAPPER.writeValueAsBytes(value);
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code file} as {@code type}. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
