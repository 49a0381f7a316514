package dev.polis.govsim.agent.llm;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.chat.Message;
import dev.polis.api.run.EventSink;
import dev.polis.govsim.agent.llm.parse.HarvestParse;
import dev.polis.govsim.agent.llm.parse.HarvestParseDetail;
import dev.polis.govsim.agent.llm.parse.HarvestParser;
import dev.polis.govsim.agent.llm.parse.StructuredHarvest;
import dev.polis.govsim.agent.llm.prompt.AgentPrompts;

/**
 * Asks an agent's model for its harvest and reads the amount: free text by the original's rule, or a JSON schema
 * answer ({@code structuredHarvest}). With {@code parseFallback: reask}, a free-text answer without an answer line
 * gets exactly one more ask (the original continues the answer after {@code Answer:}); the second answer is read by
 * the same rule, and 0 stays when it has no number either. Each harvest is a {@code govsim.llm.harvest} event
 * ({@code reasked}, and the first answer under {@code firstRaw} when it was re-asked).
 */
final class HarvestAsk {

    private final String agentId;
    private final LlmAgentSettings settings;
    private final ModelCaller caller;
    private final EventSink events;

    HarvestAsk(String agentId, LlmAgentSettings settings, ModelCaller caller, EventSink events) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Asks for the harvest of {@code month} from a pool of {@code pool} and returns the parse. */
    HarvestParse ask(AgentPrompts prompts, LocalDate date, int pool, String memories, int month) {
        boolean structured = settings.structuredHarvest();
        String answer;
        HarvestParse parse;
        String firstRaw = null;
        if (structured) {
            answer = caller.ask(prompts.structuredHarvest(date, pool, memories), CallPurpose.HARVEST, month,
                    StructuredHarvest.format(pool));
            parse = StructuredHarvest.parse(answer);
        } else {
            List<Message> asked = prompts.harvest(date, pool, memories);
            answer = caller.ask(asked, CallPurpose.HARVEST, month);
            parse = HarvestParser.parse(answer);
            if (settings.parseFallback() && parse.detail() == HarvestParseDetail.NO_MARKER) {
                firstRaw = answer;
                answer = caller.ask(prompts.harvestReask(asked, answer), CallPurpose.HARVEST_REASK, month, null,
                        prompts.prefix("harvest-reask"));
                parse = HarvestParser.parse(answer);
            }
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("agent", agentId);
        fields.put("month", month);
        fields.put("amount", parse.amount());
        fields.put("status", parse.detail().status().name());
        fields.put("detail", parse.detail().name());
        fields.put("raw", answer);
        fields.put("format", structured ? "json_schema" : "text");
        fields.put("reasked", firstRaw != null);
        if (firstRaw != null) {
            fields.put("firstRaw", firstRaw);
        }
        events.emit("govsim.llm.harvest", fields);
        return parse;
    }
}
