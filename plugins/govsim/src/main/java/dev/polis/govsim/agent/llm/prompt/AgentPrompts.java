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
 * library, as messages with explicit roles and privileges (see {@link PromptMessages}), in a {@link PromptLayout}.
 *
 * <p>Polis's layout: every prompt but the importance rating starts with the rules of the game; the game's
 * context, the retrieved memories and the task follow as user messages, and chat lines as messages of their
 * speakers. The original layout: every prompt, the importance rating included, is one user message that starts
 * with the rules, followed by the reply prefix of the prompt's {@code <name>-prefill} text where it has one.
 */
public final class AgentPrompts {

    /** Where the group chat takes place, as the original's prompts say. */
    static final String MEETING_PLACE = "restaurant";

    private final PromptLibrary library;
    private final GameSetup setup;
    private final RulesRole rulesRole;
    private final boolean chainOfThought;
    private final PromptLayout layout;
    private final PrefillMode prefill;
    private final Map<String, Object> base;

    /** Creates the prompts of the agent described by {@code setup} in Polis's layout. */
    public AgentPrompts(PromptLibrary library, GameSetup setup, RulesRole rulesRole, boolean chainOfThought) {
        this(library, setup, rulesRole, chainOfThought, PromptLayout.POLIS, PrefillMode.OFF);
    }

    /**
     * Creates the prompts of the agent described by {@code setup}.
     *
     * @param prefill how the original layout sends reply prefixes, already resolved for the agent's model
     */
    public AgentPrompts(PromptLibrary library, GameSetup setup, RulesRole rulesRole, boolean chainOfThought,
                        PromptLayout layout, PrefillMode prefill) {
        this.library = Objects.requireNonNull(library, "library");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.rulesRole = Objects.requireNonNull(rulesRole, "rulesRole");
        this.chainOfThought = chainOfThought;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.prefill = Objects.requireNonNull(prefill, "prefill");
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
        return assemble(rules(), "", render("harvest", v));
    }

    /**
     * Returns the harvest prompt of a structured answer: the same context, the task of {@code harvest-task-json}
     * (answer with a JSON object {@code {"amount": N}}; no step-by-step reasoning, as the answer is JSON alone).
     */
    public List<Message> structuredHarvest(LocalDate date, int pool, String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "pool", pool);
        v.put("context", render("context", v));
        v.put("task", render("harvest-task-json", v));
        return assemble(rules(), "", render("harvest", v));
    }

    /**
     * Returns the second ask of a harvest whose {@code answer} to {@code asked} had no answer line: in Polis's
     * layout (and without an assistant prefix) the answer and the {@code harvest-reask} question follow; with an
     * assistant prefix the model continues its own answer after the {@code harvest-reask-prefill} text.
     */
    public List<Message> harvestReask(List<Message> asked, String answer) {
        List<Message> messages = new ArrayList<>(asked);
        String prefix = prefix("harvest-reask");
        if (layout == PromptLayout.ORIGINAL && prefill == PrefillMode.ASSISTANT && !prefix.isBlank()) {
            messages.add(Assembly.prefill(answer.stripTrailing() + "\n" + prefix));
            return List.copyOf(messages);
        }
        messages.add(Assembly.prefill(answer));
        String question = render("harvest-reask", new HashMap<>(base));
        boolean inline = layout == PromptLayout.ORIGINAL && prefill == PrefillMode.INLINE && !prefix.isBlank();
        messages.add(PromptMessages.instruction(inline ? question + "\n\n" + prefix : question));
        return List.copyOf(messages);
    }

    /** Returns the prompt that asks how important {@code memory} is. */
    public List<Message> importance(String memory) {
        Message head = layout == PromptLayout.ORIGINAL ? rules() : null;
        return assemble(head, prefix("importance"), render("importance", values("memory", memory)));
    }

    /** Returns the prompt for the agent's next chat line. */
    public List<Message> turn(LocalDate date, List<String> participants, List<ConversationEntry> conversation,
                              String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "participants",
                NameList.join(participants), "location", MEETING_PLACE);
        v.put("context", render("context", v));
        return assemble(rules(), prefix("turn"), render("turn", v), transcript(conversation),
                render("turn-task", v));
    }

    /**
     * Returns the prompt of a constrained chat turn: the same situation and transcript, the task of
     * {@code turn-task-json} (answer with a JSON object of message, conclusion and next speaker) and no reply prefix, as
     * the answer is JSON alone.
     */
    public List<Message> structuredTurn(LocalDate date, List<String> participants,
                                        List<ConversationEntry> conversation, String memories) {
        Map<String, Object> v = values("date", date, "memories", memories, "participants",
                NameList.join(participants), "location", MEETING_PLACE);
        v.put("context", render("context", v));
        return assemble(rules(), "", render("turn", v), transcript(conversation), render("turn-task-json", v));
    }

    /** Returns a prompt for a thought about the finished chat; {@code kind} is {@code chat-plan} or {@code chat-memo}. */
    public List<Message> chatThought(String kind, LocalDate date, List<String> participants,
                                     List<ConversationEntry> conversation) {
        Map<String, Object> v = values("date", date, "participants", NameList.join(participants),
                "location", MEETING_PLACE);
        return assemble(rules(), prefix(kind), render("chat-context", v), transcript(conversation), render(kind, v));
    }

    /** Returns the reflection prompt over numbered memories. */
    public List<Message> insights(String numberedMemories) {
        return assemble(rules(), prefix("insights"), render("insights", values("memories", numberedMemories)));
    }

    /**
     * Returns the reply prefix of prompt {@code name} (its {@code <name>-prefill} text) as this agent sends it: empty
     * in Polis's layout, with prefixes off, or for a prompt without one ({@code chat-plan}, {@code chat-memo},
     * {@code harvest}).
     */
    public String prefix(String name) {
        if (layout == PromptLayout.POLIS || prefill == PrefillMode.OFF
                || !dev.polis.govsim.text.PromptCatalog.known(name + "-prefill")) {
            return "";
        }
        return render(name + "-prefill", new HashMap<>(base));
    }

    /** Returns the layout of these prompts. */
    public PromptLayout layout() {
        return layout;
    }

    /** Returns the rules of the game as a message. */
    public Message rules() {
        return rulesRole.message(render("rules", new HashMap<>(base)));
    }

    /** Returns whether prompts ask for step-by-step reasoning. */
    public boolean chainOfThought() {
        return chainOfThought;
    }

    private List<Message> assemble(Message head, String prefix, Object... blocks) {
        return Assembly.build(layout, head, List.of(blocks), prefix, prefill);
    }

    private List<Message> transcript(List<ConversationEntry> conversation) {
        return PromptMessages.transcript(conversation, setup.profile().id(), entry -> render("chat-line",
                values("speaker", entry.speakerName(), "text", entry.text())));
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
