package dev.polis.govsim.agent.llm.prompt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.chat.Message;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.Scenario;

/**
 * Builds one agent's prompts (harvest, importance, chat turn, chat thoughts, insights) from the prompt
 * library, as messages with explicit roles and privileges (see {@link PromptMessages}).
 *
 * <p>Every prompt but the importance rating starts with the rules of the game; the game's context, the
 * retrieved memories and the task follow as user messages, and chat lines as messages of their speakers.
 */
public final class AgentPrompts {

    /** Where the group chat takes place, as the original's prompts say. */
    static final String MEETING_PLACE = "restaurant";

    private final PromptLibrary library;
    private final GameSetup setup;
    private final RulesRole rulesRole;
    private final boolean chainOfThought;
    private final Map<String, Object> base;

    /** Creates the prompts of the agent described by {@code setup}. */
    public AgentPrompts(PromptLibrary library, GameSetup setup, RulesRole rulesRole, boolean chainOfThought) {
        this.library = Objects.requireNonNull(library, "library");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.rulesRole = Objects.requireNonNull(rulesRole, "rulesRole");
        this.chainOfThought = chainOfThought;
        this.base = baseValues(setup, chainOfThought);
    }

    /** Returns the values every prompt of a game may use: names, scenario nouns, capacity, flags. */
    static Map<String, Object> baseValues(GameSetup setup, boolean chainOfThought) {
        Scenario s = setup.scenario();
        Map<String, Object> values = new HashMap<>();
        values.put("name", setup.profile().name());
        values.put("others", NameList.join(setup.otherNames()));
        values.put("otherCount", setup.otherNames().size());
        values.put("capacity", setup.capacity());
        values.put("communication", setup.communication());
        values.put("goal", setup.profile().goal());
        values.put("actor", s.actor());
        values.put("actors", s.actors());
        values.put("location", s.location());
        values.put("resourceUnit", s.resourceUnit());
        values.put("cot", chainOfThought);
        return values;
    }

    /** Returns the harvest prompt for a pool of {@code pool} units on {@code date}. */
    public List<Message> harvest(LocalDate date, int pool, String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "pool", pool);
        v.put("context", render("context", v));
        v.put("task", render("harvest-task", v));
        return List.of(rules(), PromptMessages.instruction(render("harvest", v)));
    }

    /**
     * Returns the harvest prompt of a structured answer: the same context, the task of {@code harvest-task-json}
     * (answer with a JSON object {@code {"amount": N}}; no step-by-step reasoning, as the answer is JSON alone).
     */
    public List<Message> structuredHarvest(LocalDate date, int pool, String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "pool", pool);
        v.put("context", render("context", v));
        v.put("task", render("harvest-task-json", v));
        return List.of(rules(), PromptMessages.instruction(render("harvest", v)));
    }

    /** Returns the prompt that asks how important {@code memory} is. */
    public List<Message> importance(String memory) {
        return List.of(PromptMessages.instruction(render("importance", values("memory", memory))));
    }

    /** Returns the prompt for the agent's next chat line. */
    public List<Message> turn(LocalDate date, List<String> participants, List<ConversationEntry> conversation,
                              String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "participants",
                NameList.join(participants), "location", MEETING_PLACE);
        v.put("context", render("context", v));
        List<Message> messages = new ArrayList<>();
        messages.add(rules());
        messages.add(PromptMessages.instruction(render("turn", v)));
        messages.addAll(PromptMessages.transcript(conversation, setup.profile().id()));
        messages.add(PromptMessages.instruction(render("turn-task", v)));
        return List.copyOf(messages);
    }

    /** Returns a prompt for a thought about the finished chat; {@code kind} is {@code chat-plan} or {@code chat-memo}. */
    public List<Message> chatThought(String kind, LocalDate date, List<String> participants,
                                     List<ConversationEntry> conversation) {
        Map<String, Object> v = values("date", date, "participants", NameList.join(participants),
                "location", MEETING_PLACE);
        List<Message> messages = new ArrayList<>();
        messages.add(rules());
        messages.add(PromptMessages.instruction(render("chat-context", v)));
        messages.addAll(PromptMessages.transcript(conversation, setup.profile().id()));
        messages.add(PromptMessages.instruction(render(kind, v)));
        return List.copyOf(messages);
    }

    /** Returns the reflection prompt over numbered memories. */
    public List<Message> insights(String numberedMemories) {
        return List.of(rules(), PromptMessages.instruction(render("insights", values("memories", numberedMemories))));
    }

    /** Returns the rules of the game as a message. */
    public Message rules() {
        return rulesRole.message(render("rules", new HashMap<>(base)));
    }

    /** Returns whether prompts ask for step-by-step reasoning. */
    public boolean chainOfThought() {
        return chainOfThought;
    }

    private String render(String name, Map<String, Object> values) {
        return library.template(setup.scenario(), name).render(values).stripTrailing();
    }

    private Map<String, Object> values(Object... pairs) {
        Map<String, Object> v = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }
}
