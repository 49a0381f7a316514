package dev.polis.govsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run folder holds, with what differs between two plays of the same run left out (times, durations, the
 * server's address), so that a resumed run's records can be compared with those of a run never interrupted.
 *
 * @param metrics {@code metrics.json}
 * @param state   {@code state.json}
 * @param export  {@code log_env.json}
 * @param events    {@code events.jsonl} without times and numbers, sorted (the agents of a month run concurrently,
 *                  so their own events come in any order)
 * @param eventSeqs the events' numbers in file order
 * @param calls     {@code calls.jsonl} without times and numbers, sorted (concurrent calls finish in any order)
 * @param seqs      the calls' numbers in file order
 */
record RunRecords(JsonNode metrics, JsonNode state, JsonNode export, List<String> events, List<Long> eventSeqs,
                  List<String> calls, List<Long> seqs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes objects with their keys sorted: events built from {@code Map.of} list their fields in any order. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Set<String> VOLATILE = Set.of("time", "startedAt", "durationMs", "firstTokenMs", "spec");

    /** Reads the only run folder under {@code sweep}/runs. */
    static RunRecords ofOnlyRun(Path sweep) {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            List<Path> list = runs.toList();
            if (list.size() != 1) {
                throw new IllegalStateException(sweep + " holds " + list.size() + " runs, not one");
            }
            return of(list.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the run folder {@code run}. */
    static RunRecords of(Path run) {
        try {
            List<Long> seqs = new ArrayList<>();
            List<String> calls = unnumbered(lines(run.resolve("calls.jsonl")), seqs);
            List<Long> eventSeqs = new ArrayList<>();
            List<String> events = unnumbered(lines(run.resolve("events.jsonl")), eventSeqs);
            return new RunRecords(JSON.readTree(run.resolve("metrics.json").toFile()),
                    JSON.readTree(run.resolve("state.json").toFile()),
                    JSON.readTree(run.resolve("log_env.json").toFile()), events, eventSeqs, calls, seqs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the records of " + run + ": " + e.getMessage(), e);
        }
    }

    /** Returns the records without their {@code seq}, sorted, and adds the numbers to {@code seqs} in file order. */
    private static List<String> unnumbered(List<JsonNode> records, List<Long> seqs) throws IOException {
        List<String> texts = new ArrayList<>();
        for (JsonNode record : records) {
            seqs.add(record.path("seq").asLong());
            ((ObjectNode) record).remove("seq");
            texts.add(CANONICAL.writeValueAsString(JSON.treeToValue(record, Object.class)));
        }
        texts.sort(null);
        return texts;
    }

    /** Returns the first part of this run's records that differs from {@code expected}'s, or null when none does. */
    String differenceFrom(RunRecords expected) {
        if (!metrics.equals(expected.metrics)) {
            return "metrics.json: " + metrics + " instead of " + expected.metrics;
        }
        if (!state.equals(expected.state)) {
            return "state.json differs";
        }
        if (!export.equals(expected.export)) {
            return "log_env.json differs";
        }
        if (!eventSeqs.equals(expected.eventSeqs)) {
            return "events numbered " + eventSeqs + " instead of " + expected.eventSeqs;
        }
        if (!events.equals(expected.events)) {
            return "events differ: " + firstDifference(events, expected.events);
        }
        if (!calls.equals(expected.calls)) {
            return calls.size() + " calls instead of " + expected.calls.size() + ": "
                    + firstDifference(calls, expected.calls);
        }
        return null;
    }

    private static String firstDifference(List<String> actual, List<String> expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            String a = actual.get(i);
            String e = expected.get(i);
            if (!a.equals(e)) {
                int at = 0;
                while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 150);
                return "at character " + at + "\n  got      ..." + a.substring(from, Math.min(a.length(), at + 150))
                        + "\n  expected ..." + e.substring(from, Math.min(e.length(), at + 150));
            }
        }
        return actual.size() > expected.size() ? "extra " + actual.get(expected.size()) : "missing "
                + expected.get(actual.size());
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.exists(file)) {
            return nodes;
        }
        for (String line : Files.readAllLines(file)) {
            nodes.add(strip(JSON.readTree(line)));
        }
        return nodes;
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VOLATILE);
            object.forEach(RunRecords::strip);
        } else if (node.isArray()) {
            node.forEach(RunRecords::strip);
        }
        return node;
    }
}
