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
 * <p>The original does not log the per-agent threshold; unless the file carries our
 * {@code sustainability_threshold}, it is rebuilt as the original computes it: 10 in the first month, then
 * {@code (h // 2) // n} with n the number of agents of the first month. A harvest's status is the file's
 * {@code parse_status} when it has one (our export), else {@code IMPORTED}.
 */
public final class LogEnvImport {

    private LogEnvImport() {
    }

    /**
     * Reads the months of a run.
     *
     * @param path a {@code log_env.json} file or a run folder that contains one
     * @throws InvalidInputException when the file is missing or not in the expected layout
     */
    public static List<MonthRecord> read(Path path, int collapseThreshold) {
        Path file = Files.isDirectory(path) ? path.resolve("log_env.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no log_env.json at " + path + ": give a GovSim run folder (it holds "
                    + "log_env.json) or the file itself");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isArray()) {
            throw new InvalidInputException(file + ": expected a JSON array of rows (pandas records orient)");
        }
        Map<Integer, Builder> months = new TreeMap<>();
        for (JsonNode row : root) {
            int round = row.path("round").asInt(-1);
            String action = row.path("action").asText("");
            if (round < 0) {
                continue;
            }
            Builder month = months.computeIfAbsent(round, r -> new Builder());
            switch (action) {
                case "harvesting" -> month.harvest(row);
                case "utterance" -> month.chat.add(new ConversationEntry(row.path("agent_id").asText(),
                        row.path("agent_name").asText(row.path("agent_id").asText()), row.path("utterance").asText()));
                case "conversation_summary" -> month.summary = row.path("conversation_summary").asText("");
                case "conversation_resource_limit" -> month.limit = row.path("resource_limit").isNumber()
                        ? row.path("resource_limit").asInt() : null;
                default -> { }
            }
        }
        if (months.isEmpty() || months.values().iterator().next().agents.isEmpty()) {
            throw new InvalidInputException(file + " has no harvesting rows; is it a GovSim log_env.json?");
        }
        int firstCount = months.values().iterator().next().agents.size();
        List<MonthRecord> records = new ArrayList<>();
        for (Map.Entry<Integer, Builder> entry : months.entrySet()) {
            Builder b = entry.getValue();
            if (b.agents.isEmpty()) {
                continue;
            }
            int threshold = b.threshold != null ? b.threshold
                    : entry.getKey() == 0 ? 10 : Dynamics.perAgentThreshold(b.before, firstCount);
            records.add(new MonthRecord(entry.getKey(), b.before, b.after, threshold, b.agents, b.chat, b.summary,
                    b.limit, b.after < collapseThreshold));
        }
        return records;
    }

    private static final class Builder {
        final List<AgentMonth> agents = new ArrayList<>();
        final List<ConversationEntry> chat = new ArrayList<>();
        int before;
        int after;
        Integer threshold;
        String summary = "";
        Integer limit;

        void harvest(JsonNode row) {
            before = row.path("resource_in_pool_before_harvesting").asInt();
            after = row.path("resource_in_pool_after_harvesting").asInt();
            if (row.has("sustainability_threshold")) {
                threshold = row.path("sustainability_threshold").asInt();
            }
            String id = row.path("agent_id").asText();
            agents.add(new AgentMonth(id, row.path("agent_name").asText(id), row.path("wanted_resource").asInt(),
                    row.path("resource_collected").asInt(), row.path("html_interactions").asText(""), row.path("parse_status").asText("IMPORTED"),
                    List.of()));
        }
    }
}
