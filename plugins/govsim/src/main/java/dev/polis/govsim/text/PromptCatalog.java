package dev.polis.govsim.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists every text of GovSim a prompt pack may replace: its file name (without {@code .txt}) and what it is.
 *
 * <p>Texts of {@link #SCENARIO_TEXTS} have one built-in file per scenario ({@code fishery/rules.txt}); the others
 * one shared file. A pack may put any text at its top level (for every scenario) or in a scenario's folder.
 */
public final class PromptCatalog {

    /** The scenario folders a pack may have. */
    public static final List<String> SCENARIOS = List.of("fishery", "pasture", "pollution");

    /** Texts whose built-in wording differs per scenario. */
    public static final Set<String> SCENARIO_TEXTS = Set.of("rules", "harvest-task", "harvest-task-json", "pool",
            "outcome", "report-opening", "report-line", "universalization", "agreed-limit", "goal-local",
            "goal-newcomer");

    private static final Map<String, String> TEXTS = texts();

    private PromptCatalog() {
    }

    private static Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("rules", "the rules of the game (agent prompts)");
        t.put("goal-local", "a local's goal in the newcomer experiment, appended to its rules");
        t.put("goal-newcomer", "the newcomer's goal, appended to its rules");
        t.put("pool", "environment: the pool before the harvest (a memory)");
        t.put("universalization", "environment: the universalization hint (a memory)");
        t.put("outcome", "environment: what the agent asked for and received (a memory)");
        t.put("report-opening", "environment: the Mayor's report, its opening");
        t.put("report-line", "environment: the Mayor's report, one line per agent");
        t.put("agreed-limit", "environment: the agreed limit every agent keeps (a memory)");
        t.put("context", "agent: location, date and retrieved memories");
        t.put("harvest", "agent: the harvest prompt's frame (context and task)");
        t.put("harvest-task", "agent: the harvest task line");
        t.put("harvest-task-json", "agent: the harvest task line of structured answers");
        t.put("harvest-reask", "agent: the second ask when a harvest answer has no Answer: line (parseFallback)");
        t.put("harvest-reask-prefill", "agent: the reply prefix of the second ask (original layout)");
        t.put("importance", "agent: the importance rating of a memory");
        t.put("importance-prefill", "agent: the reply prefix of the rating (original layout)");
        t.put("turn", "agent: a chat turn's situation");
        t.put("chat-line", "agent: one line of the chat transcript");
        t.put("turn-task", "agent: a chat turn's task and answer format");
        t.put("turn-task-json", "agent: a chat turn's task and its JSON answer (choices: constrained)");
        t.put("turn-prefill", "agent: the reply prefix of a chat turn (original layout)");
        t.put("chat-context", "agent: the frame of the two thoughts after the chat");
        t.put("chat-plan", "agent: the planning thought after the chat");
        t.put("chat-memo", "agent: the memorable thought after the chat");
        t.put("insights", "agent: the end-of-month reflection");
        t.put("insights-prefill", "agent: the reply prefix of the reflection (original layout)");
        t.put("framework", "framework model: its role (system message, or the head of its prompt)");
        t.put("summary", "framework model: the one-sentence chat summary");
        t.put("limit", "framework model: the agreed-limit question");
        return Map.copyOf(t);
    }

    /** Returns whether {@code name} is a known text. */
    public static boolean known(String name) {
        return TEXTS.containsKey(name);
    }

    /** Returns every known text name with what it is, sorted by name. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(TEXTS));
    }

    /** Returns the built-in file of {@code name} for scenario {@code scenarioId}, relative to the built-in root. */
    public static String builtInPath(String scenarioId, String name) {
        return SCENARIO_TEXTS.contains(name) ? scenarioId + "/" + name + ".txt" : name + ".txt";
    }
}
