package dev.polis.govsim.agent.llm.prompt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.Scenario;

/**
 * Builds the framework model's prompts: the one-sentence summary of a chat and the agreed-limit question.
 *
 * <p>Polis's layout: the framework model's role is a system message; the chat follows as messages of its speakers
 * (other agents' lines at tool privilege), then the question as a user message. The original layout: the role,
 * the chat as lines and the question in one user message.
 */
public final class FrameworkPrompts {

    private final PromptLibrary library;
    private final Scenario scenario;
    private final boolean chainOfThought;
    private final PromptLayout layout;

    /** Creates the framework prompts of one game in Polis's layout. */
    public FrameworkPrompts(PromptLibrary library, Scenario scenario, boolean chainOfThought) {
        this(library, scenario, chainOfThought, PromptLayout.POLIS);
    }

    /** Creates the framework prompts of one game in {@code layout}. */
    public FrameworkPrompts(PromptLibrary library, Scenario scenario, boolean chainOfThought, PromptLayout layout) {
        this.library = Objects.requireNonNull(library, "library");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.chainOfThought = chainOfThought;
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Returns the prompt asking for a one-sentence summary of {@code conversation}. */
    public List<Message> summary(List<String> participants, List<ConversationEntry> conversation) {
        return prompt("summary", participants, conversation);
    }

    /** Returns the prompt asking for the per-person limit the chat agreed on. */
    public List<Message> limit(List<String> participants, List<ConversationEntry> conversation) {
        return prompt("limit", participants, conversation);
    }

    private List<Message> prompt(String question, List<String> participants, List<ConversationEntry> conversation) {
        Map<String, Object> v = new HashMap<>();
        v.put("participants", NameList.join(participants));
        v.put("actor", scenario.actor());
        v.put("actors", scenario.actors());
        v.put("location", scenario.location());
        v.put("resourceUnit", scenario.resourceUnit());
        v.put("cot", chainOfThought);
        Message role = new Message(Role.SYSTEM, render("framework", v), Privilege.SYSTEM, PromptMessages.GAME_SOURCE);
        List<Message> transcript = PromptMessages.transcript(conversation, "", entry -> {
            Map<String, Object> line = new HashMap<>(v);
            line.put("speaker", entry.speakerName());
            line.put("text", entry.text());
            return render("chat-line", line);
        });
        return Assembly.build(layout, role, List.of(transcript, render(question, v)), "", PrefillMode.OFF);
    }

    private String render(String name, Map<String, Object> values) {
        return library.template(scenario, name).render(values);
    }
}
