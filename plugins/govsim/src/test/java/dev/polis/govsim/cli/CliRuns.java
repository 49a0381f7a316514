package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the GovSim CLI tests share: running a command that must succeed, and reading a run's JSON-lines records. */
final class CliRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRuns() {
    }

    /** Runs {@code polis args} in process and fails, showing its output, unless it exits 0. */
    static void polisOk(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = PolisCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Returns the records of a JSON-lines file ({@code events.jsonl}, {@code calls.jsonl}), blank lines skipped. */
    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
