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

/** Reads the {@link CallRecord}s of a {@code calls.jsonl} file. */
public final class CallRecords {

    private CallRecords() {
    }

    /**
     * Returns the records of {@code file} in file order, skipping blank lines.
     *
     * @throws InvalidInputException when the file is missing or a line is not a call record; the message names
     *                               the file and the line number
     */
    public static List<CallRecord> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no call recording at " + file.toAbsolutePath()
                    + "; give the path of a run's " + CallLog.FILE_NAME + ", for example runs/r1/calls.jsonl", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the call recording " + file + ": " + e.getMessage(), e);
        }
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(CallJson.read(line));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                throw new InvalidInputException(file + ":" + (i + 1) + ": not a call record (" + reason
                        + "); each line of " + CallLog.FILE_NAME + " must be one JSON object written by Polis", e);
            }
        }
        return List.copyOf(records);
    }
}
