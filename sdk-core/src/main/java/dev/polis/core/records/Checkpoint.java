package dev.polis.core.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run folder's commit point, write-ahead order as databases keep it: a saved state and the length of each
 * append-only log that the state covers. {@link #commit} syncs the logs, replaces the state atomically, then
 * replaces {@value #FILE_NAME} (state digest and log lengths) atomically; {@link #restore} cuts every log back to
 * what the saved state covers, so a run resumed from that state neither repeats nor loses a record.
 */
public final class Checkpoint {

    /** The checkpoint file's name in a run folder. */
    public static final String FILE_NAME = "checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final List<String> logs;

    /** Creates the checkpoint of {@code folder}, whose append-only logs are the files named {@code logs}. */
    public Checkpoint(Path folder, List<String> logs) {
        this.folder = folder;
        this.logs = List.copyOf(logs);
    }

    /**
     * Saves {@code content} as the state file {@code name}, covering every record appended to the logs so far (the
     * caller has written them to the files).
     */
    public void commit(String name, byte[] content) {
        Map<String, Object> point = point(name, content);
        AtomicFiles.write(folder.resolve(name), content);
        writePoint(point);
    }

    /** Returns the commit point of state {@code content}: its digest and the logs' synced lengths. */
    private Map<String, Object> point(String name, byte[] content) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("state", name);
        point.put("sha256", sha256(content));
        for (String log : logs) {
            point.put(log, sync(folder.resolve(log)));
        }
        return point;
    }

    private void writePoint(Map<String, Object> point) {
        try {
            AtomicFiles.write(folder.resolve(FILE_NAME), JSON.writeValueAsBytes(point));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the state last saved as {@code name}, after cutting each log back to the records it covers (all of
     * them when no state was saved); a log's torn last line is cut too.
     *
     * @throws IllegalStateException naming the file when a state or checkpoint cannot be read, or a log is shorter
     *                               than its checkpoint says
     */
    public Optional<byte[]> restore(String name) {
        Path stateFile = folder.resolve(name);
        if (!Files.isRegularFile(stateFile)) {
            logs.forEach(log -> LineFile.cutTo(folder.resolve(log), 0, "no state was saved yet"));
            return Optional.empty();
        }
        byte[] state = read(stateFile);
        Map<?, ?> point = point();
        if (point != null && name.equals(point.get("state")) && sha256(state).equals(point.get("sha256"))) {
            for (String log : logs) {
                Object length = point.get(log);
                LineFile.cutTo(folder.resolve(log), length instanceof Number n ? n.longValue() : 0,
                        "records of a step that was not saved");
            }
        } else {
            // the state was replaced and the process died before the checkpoint: every record it covers is synced
            logs.forEach(log -> LineFile.repair(folder.resolve(log)));
            writePoint(point(name, state)); // a second crash before the next commit cuts back to here
        }
        return Optional.of(state);
    }

    private Map<?, ?> point() {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(read(file), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage() + "; delete it to resume"
                    + " from the saved state as it is", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage() + "; check its permissions"
                    + " or delete the run folder to start the run over", e);
        }
    }

    /** Syncs {@code log} to disk and returns its length (0 when missing). */
    private static long sync(Path log) {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.force(true);
            CrashPoints.step("sync " + log.getFileName());
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + log + " to disk: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
