package dev.polis.govsim.io;

import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.protocol.ConversationEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's months in the original's {@code log_env.json} layout (pandas "records" orient, spec §2.3).
 *
 * <p>Per month: one {@code harvesting} row per agent, one {@code utterance} row per chat line (the mayor's under
 * {@code framework}), one {@code conversation_summary} and one {@code conversation_resource_limit} row. Harvesting
 * rows also carry {@code sustainability_threshold} and {@code parse_status} (how the answer was read, a
 * {@link dev.polis.govsim.protocol.ParseStatus} name), which the original does not log; its importer ignores them.
 */
public final class LogEnvExport {

    private LogEnvExport() {
    }

    /** Returns the rows for {@code months}. */
    public static List<Map<String, Object>> rows(List<MonthRecord> months) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MonthRecord month : months) {
            for (AgentMonth agent : month.agents()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("agent_id", agent.agentId());
                row.put("round", month.month());
                row.put("action", "harvesting");
                row.put("resource_in_pool_before_harvesting", month.poolBefore());
                row.put("resource_in_pool_after_harvesting", month.poolAfter());
                row.put("concurrent_harvesting", true);
                row.put("resource_collected", agent.received());
                row.put("wanted_resource", agent.wanted());
                row.put("html_interactions", agent.rawText());
                row.put("agent_name", agent.name());
                row.put("sustainability_threshold", month.perAgentThreshold());
                row.put("parse_status", agent.status());
                rows.add(row);
            }
            for (ConversationEntry line : month.conversation()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("agent_id", line.speakerId());
                row.put("agent_name", line.speakerName());
                row.put("round", month.month());
                row.put("action", "utterance");
                row.put("utterance", line.text());
                row.put("resource_limit", month.agreedLimit());
                rows.add(row);
            }
            if (!month.conversation().isEmpty()) {
                rows.add(framework(month, "conversation_summary", "conversation_summary", month.summary()));
                rows.add(framework(month, "conversation_resource_limit", "resource_limit", month.agreedLimit()));
            }
        }
        return rows;
    }

    private static Map<String, Object> framework(MonthRecord month, String action, String key, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agent_id", ConversationEntry.MAYOR_ID);
        row.put("round", month.month());
        row.put("action", action);
        row.put(key, value);
        return row;
    }
}
