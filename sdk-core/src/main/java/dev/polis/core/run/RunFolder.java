package dev.polis.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.polis.api.run.RunStatus;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import dev.polis.api.PolisException;
import dev.polis.core.records.AtomicFiles;

/**
 * The record folder of one run, {@code <output>/<runId>/}, and the files in it.
 *
 * <p>Small files ({@code run.json}, {@code metrics.json}, {@code config.resolved.yaml}) are replaced whole,
 * through a temporary file synced to disk and moved over the old one ({@link AtomicFiles}), so a reader never sees
 * half of one.
 *
 * @param directory the folder
 */
public record RunFolder(Path directory) {

    /** The resolved configuration. */
    public static final String CONFIG = "config.resolved.yaml";
    /** The run's events, one JSON object a line. */
    public static final String EVENTS = "events.jsonl";
    /** The run's final metrics. */
    public static final String METRICS = "metrics.json";
    /** The run's status and times. */
    public static final String INFO = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("run-status")
                    .addSerializer(RunStatus.class, new ToStringSerializerBase(RunStatus.class) {
                        @Override
                        public String valueToString(Object value) {
                            return ((RunStatus) value).wireName();
                        }
                    })
                    .addDeserializer(RunStatus.class, new FromStringDeserializer<>(RunStatus.class) {
                        @Override
                        protected RunStatus _deserialize(String value, DeserializationContext context) {
                            return RunStatus.fromWireName(value);
                        }
                    }));

    /** Returns the folder of run {@code runId} under {@code output}; nothing is created. */
    public static RunFolder of(Path output, String runId) {
        return new RunFolder(output.resolve(runId));
    }

    /** Creates the folder and its parents if needed. */
    public RunFolder create() {
        try {
            Files.createDirectories(directory);
            return this;
        } catch (IOException e) {
            throw new PolisException("cannot create the run folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Returns the path of a file in this folder. */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Returns what {@code run.json} says, when the folder has one. */
    public Optional<RunInfo> readInfo() {
        Path file = file(INFO);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunInfo.class));
        } catch (IOException e) {
            throw new PolisException("cannot read " + file + ": " + e.getMessage()
                    + "; delete the folder or choose another run id", e);
        }
    }

    /** Replaces {@code run.json}. */
    public void writeInfo(RunInfo info) {
        writeJson(INFO, info);
    }

    /**
     * Replaces {@code metrics.json}. An undefined value ({@code NaN}, infinite or {@code null}, for example the
     * equality of a run in which nobody received anything) is written as JSON {@code null}, never as a string.
     */
    public void writeMetrics(Map<String, Double> metrics) {
        Map<String, Double> clean = new LinkedHashMap<>();
        metrics.forEach((name, value) -> clean.put(name, value == null || !Double.isFinite(value) ? null : value));
        writeJson(METRICS, clean);
    }

    /**
     * Returns the metrics of {@code metrics.json}, or an empty map when there is none; an undefined value
     * ({@code null} in the file) reads as {@code NaN}.
     */
    public Map<String, Double> readMetrics() {
        Path file = file(METRICS);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, Double> read = JSON.readValue(file.toFile(), new TypeReference<Map<String, Double>>() {
            });
            Map<String, Double> metrics = new LinkedHashMap<>();
            read.forEach((name, value) -> metrics.put(name, value == null ? Double.NaN : value));
            return metrics;
        } catch (IOException e) {
            throw new PolisException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code config.resolved.yaml}. */
    public void writeResolvedConfig(String yaml) {
        writeText(CONFIG, yaml);
    }

    private void writeJson(String name, Object value) {
        try {
            writeText(name, JSON.writeValueAsString(value) + "\n");
        } catch (JacksonException e) {
            throw new PolisException("cannot write " + file(name) + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void writeText(String name, String text) {
        AtomicFiles.write(file(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
