package dev.polis.core.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.polis.api.InvalidInputException;

/** Reads the chat and embedding call records of a {@code calls.jsonl} file. */
public final class CallRecords {

    private CallRecords() {
    }

    /**
     * Returns the chat call records of {@code file} in file order, skipping blank lines and embedding calls.
     *
     * @throws InvalidInputException when the file is missing or a line is not a call record; the message names
     *                               the file and the line number
     */
    public static List<CallRecord> read(Path file) {
        List<CallRecord> records = new ArrayList<>();
        forEachLine(file, (line, number) -> {
            if (!CallJson.isEmbedding(line)) {
                records.add(CallJson.read(line));
            }
        });
        return List.copyOf(records);
    }

    /**
     * Returns the embedding call records of {@code file} in file order.
     *
     * @throws InvalidInputException when the file is missing or a line is not a call record
     */
    public static List<EmbeddingCallRecord> readEmbeddings(Path file) {
        List<EmbeddingCallRecord> records = new ArrayList<>();
        forEachLine(file, (line, number) -> {
            if (CallJson.isEmbedding(line)) {
                records.add(CallJson.readEmbedding(line));
            }
        });
        return List.copyOf(records);
    }

    @FunctionalInterface
    private interface LineReader {
        void read(String line, int number) throws JsonProcessingException;
    }

    private static void forEachLine(Path file, LineReader reader) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no call recording at " + file.toAbsolutePath()
                    + "; give the path of a run's " + CallLog.FILE_NAME + ", for example runs/r1/calls.jsonl", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the call recording " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                reader.read(line, i + 1);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                throw new InvalidInputException(file + ":" + (i + 1) + ": not a call record (" + reason
                        + "); each line of " + CallLog.FILE_NAME + " must be one JSON object written by Polis", e);
            }
        }
    }
}
