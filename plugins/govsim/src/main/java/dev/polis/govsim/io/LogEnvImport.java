package dev.polis.govsim.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.Dynamics;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.protocol.ConversationEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a run of the original Python GovSim (its {@code log_env.json}, or a folder holding one) into our month
 * records, so our metrics and reports cover it.
 *
 * <p>The file is read strictly, because made-up numbers are worse than none: a harvesting row with a missing or
 * non-numeric pool, request or amount collected, and a gap in the months (round 3 logged, round 2 not), are input
 * errors naming the file, the row and the field. A log that simply stops (the original was killed) is read as far
 * as it goes; the metrics then mark the run incomplete unless its last month collapsed.
 *
 * <p>The original does not log the per-agent threshold; unless the file carries our
 * {@code sustainability_threshold}, it is rebuilt as the original computes it: 10 in the first month, then
 * {@code (h // 2) // n} with n the number of agents of the first month. A harvest's status is the file's
 * {@code parse_status} when it has one (our export), else {@code IMPORTED}.
 */
public final class LogEnvImport {

    private LogEnvImport() {
    }

    /** Returns the {@code log_env.json} of {@code path}: the path itself, or the file of that name in the folder. */
    public static Path logFile(Path path) {
        return Files.isDirectory(path) ? path.resolve("log_env.json") : path;
    }

    /**
     * Reads the months of a run.
     *
     * @param path a {@code log_env.json} file or a run folder that contains one
     * @param collapseThreshold C: a month that leaves fewer units is marked collapsed
     * @throws InvalidInputException when the file is missing, not in the expected layout, has a malformed
     *                               harvesting row or a gap in its months
     */
    public static List<MonthRecord> read(Path path, int collapseThreshold) {
        Path file = logFile(path);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no log_env.json at " + path + ": give a GovSim run folder (it holds "
                    + "log_env.json), a folder of such run folders, or the file itself");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(file + ": expected a JSON array of rows (pandas records orient)");
        }
        LogRows rows = new LogRows(file);
        Map<Integer, Builder> months = new TreeMap<>();
        int index = 0;
        for (JsonNode row : root) {
            index++;
            String action = row.path("action").asText("");
            switch (action) {
                case "harvesting" -> months.computeIfAbsent(rows.round(row, index), r -> new Builder())
                        .harvest(row, index, rows);
                case "utterance" -> months.computeIfAbsent(rows.round(row, index), r -> new Builder()).chat
                        .add(new ConversationEntry(row.path("agent_id").asText(),
                                row.path("agent_name").asText(row.path("agent_id").asText()),
                                row.path("utterance").asText()));
                case "conversation_summary" -> months.computeIfAbsent(rows.round(row, index), r -> new Builder())
                        .summary = row.path("conversation_summary").asText("");
                case "conversation_resource_limit" -> months.computeIfAbsent(rows.round(row, index),
                        r -> new Builder()).limit = row.path("resource_limit").isNumber()
                        ? row.path("resource_limit").asInt() : null;
                default -> { }
            }
        }
        checkMonths(file, months);
        int firstCount = months.get(0).agents.size();
        List<MonthRecord> records = new ArrayList<>();
        for (Map.Entry<Integer, Builder> entry : months.entrySet()) {
            Builder b = entry.getValue();
            int threshold = b.threshold != null ? b.threshold
                    : entry.getKey() == 0 ? 10 : Dynamics.perAgentThreshold(b.before, firstCount);
            records.add(new MonthRecord(entry.getKey(), b.before, b.after, threshold, b.agents, b.chat, b.summary,
                    b.limit, b.after < collapseThreshold));
        }
        return records;
    }

    /** Fails unless rounds 0, 1, ... follow each other, each with harvesting rows. */
    private static void checkMonths(Path file, Map<Integer, Builder> months) {
        if (months.isEmpty() || months.values().stream().allMatch(b -> b.agents.isEmpty())) {
            throw new InvalidInputException(file + " has no harvesting rows; is it a GovSim log_env.json?");
        }
        int expected = 0;
        for (Map.Entry<Integer, Builder> entry : months.entrySet()) {
            if (entry.getKey() != expected || entry.getValue().agents.isEmpty()) {
                int missing = entry.getKey() != expected ? expected : entry.getKey();
                throw new InvalidInputException(file + ": round " + missing + " (month " + (missing + 1)
                        + ") has no harvesting rows, but round " + months.keySet().stream().mapToInt(i -> i).max()
                        .orElse(0) + " is logged; a log with a gap in its months cannot be scored (the months after"
                        + " the gap would be shifted over); restore the missing rows or cut the log before the gap");
            }
            expected++;
        }
    }

    private static final class Builder {
        final List<AgentMonth> agents = new ArrayList<>();
        final List<ConversationEntry> chat = new ArrayList<>();
        int before;
        int after;
        Integer threshold;
        String summary = "";
        Integer limit;

        void harvest(JsonNode row, int index, LogRows rows) {
            String id = row.path("agent_id").asText("");
            if (id.isBlank()) {
                throw rows.error(index, row, "agent_id", "is missing");
            }
            before = rows.count(row, index, "resource_in_pool_before_harvesting");
            after = rows.count(row, index, "resource_in_pool_after_harvesting");
            int wanted = rows.count(row, index, "wanted_resource");
            int collected = rows.count(row, index, "resource_collected");
            if (row.hasNonNull("sustainability_threshold")) {
                threshold = rows.count(row, index, "sustainability_threshold");
            }
            agents.add(new AgentMonth(id, row.path("agent_name").asText(id), wanted, collected,
                    row.path("html_interactions").asText(""), row.path("parse_status").asText("IMPORTED"),
                    List.of()));
        }
    }
}
