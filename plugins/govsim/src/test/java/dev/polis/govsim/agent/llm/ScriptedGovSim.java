package dev.polis.govsim.agent.llm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;
import dev.polis.testkit.chat.ScriptedChatModel;

/** Test helpers: a scripted model that answers each of the agent's prompts by what it asks, and a recording run. */
public final class ScriptedGovSim {

    static final List<String> NAMES = List.of("John", "Kate", "Jack", "Emma", "Luke");

    private ScriptedGovSim() {
    }

    /** Returns a model answering every kind of prompt plausibly; {@code harvestAnswer} answers harvest prompts. */
    static ScriptedChatModel model(String name, String harvestAnswer) {
        return ScriptedChatModel.builder().spec("scripted:" + name).modelName(name)
                .answer(request -> answer(name, harvestAnswer, request)).build();
    }

    /**
     * Answers one of the agent's prompts by what it asks, as {@code name} would; {@code harvestAnswer} answers
     * harvest prompts. Public for the CLI tests, which serve these answers over HTTP.
     */
    public static String answer(String name, String harvestAnswer, ChatRequest request) {
        String task = request.messages().getLast().content();
        if (task.contains("Rate it from 1 to 10")) {
            return task.contains("agreed") ? "9" : "6";
        }
        if (task.contains("Answer: N tons") || task.contains("Answer: N flocks") || task.contains("Answer: N pallets")) {
            return harvestAnswer;
        }
        if (task.contains("Next speaker:")) {
            long mine = request.messages().stream().filter(m -> m.content().startsWith(name + ":")).count();
            return mine == 0
                    ? "Message: \"I'm " + name + " and I propose we all take 10 at most.\"\nConversation over: no\n"
                            + "Next speaker: " + after(name)
                    : "Message: Agreed, 10 each.\nConversation over: yes\nNext speaker: John";
        }
        if (task.contains("plan what to do next")) {
            return "I must not take more than 10 tons next month. That is all.";
        }
        if (task.contains("found interesting")) {
            return "Kate worried about the lake.";
        }
        if (task.contains("general conclusions")) {
            return "1. Taking 10 keeps the lake full (because of 1, 2)\n2. The others follow agreements (because of 3)";
        }
        if (task.contains("Sum up")) {
            return "The group agreed that everyone takes at most 10 tons. More text.";
        }
        if (task.contains("N/A")) {
            return "They said 10 tons each. Answer: 10";
        }
        return "I have nothing to say.";
    }

    /** Returns the persona after {@code name} in the default society, round the table. */
    static String after(String name) {
        int at = NAMES.indexOf(name);
        return NAMES.get((at + 1) % NAMES.size());
    }

    /** A run whose events are kept in a list. */
    static final class RecordingRun implements RunContext {
        final List<Map.Entry<String, Map<String, Object>>> events = new CopyOnWriteArrayList<>();

        @Override
        public String runId() {
            return "test";
        }

        @Override
        public long seed() {
            return 42;
        }

        @Override
        public Optional<Path> directory() {
            return Optional.empty();
        }

        @Override
        public EventSink events() {
            return (type, fields) -> events.add(Map.entry(type, Map.<String, Object>copyOf(fields)));
        }

        List<Map<String, Object>> ofType(String type) {
            return events.stream().filter(e -> e.getKey().equals(type)).map(Map.Entry::getValue).toList();
        }
    }
}
