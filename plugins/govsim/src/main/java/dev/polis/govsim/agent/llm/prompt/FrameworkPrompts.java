package dev.polis.govsim.agent.llm.prompt;

import java.util.ArrayList;
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
 * <p>The framework model's role is a system message; the chat follows as messages of its speakers (other
 * agents' lines at tool privilege), then the question as a user message.
 */
public final class FrameworkPrompts {

    private final PromptLibrary library;
    private final Scenario scenario;
    private final boolean chainOfThought;

    /** Creates the framework prompts of one game. */
    public FrameworkPrompts(PromptLibrary library, Scenario scenario, boolean chainOfThought) {
        this.library = Objects.requireNonNull(library, "library");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.chainOfThought = chainOfThought;
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
        List<Message> messages = new ArrayList<>();
        messages.add(new Message(Role.SYSTEM, render("framework", v), Privilege.SYSTEM, PromptMessages.GAME_SOURCE));
        messages.addAll(PromptMessages.transcript(conversation, ""));
        messages.add(PromptMessages.instruction(render(question, v)));
        return List.copyOf(messages);
    }

    private String render(String name, Map<String, Object> values) {
        return library.template(scenario, name).render(values);
    }
}
