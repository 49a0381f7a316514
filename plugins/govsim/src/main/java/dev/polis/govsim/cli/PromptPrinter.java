package dev.polis.govsim.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.polis.api.chat.Message;
import dev.polis.govsim.agent.llm.LlmAgentSettings;
import dev.polis.govsim.agent.llm.prompt.AgentPrompts;
import dev.polis.govsim.agent.llm.prompt.FrameworkPrompts;
import dev.polis.govsim.agent.llm.prompt.PrefillMode;
import dev.polis.govsim.agent.llm.prompt.PromptLayout;
import dev.polis.govsim.agent.llm.prompt.PromptLibrary;
import dev.polis.govsim.game.Personas;
import dev.polis.govsim.protocol.AgentProfile;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.protocol.GameSetup;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.text.GameTexts;
import dev.polis.govsim.text.PromptPack;

/**
 * {@code polis govsim --print-prompts}: renders every text and prompt of one month (the environment's sentences, then
 * each kind of model call of John's, then the framework model's two) for a prompt pack and the LLM agent's settings
 * (layout, prefix mode, rules role, chain of thought), with example values, so that two packs or layouts can be diffed.
 */
final class PromptPrinter {

    private static final LocalDate HARVEST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate CHAT_DAY = LocalDate.of(2024, 1, 30);

    private PromptPrinter() {
    }

    /** Prints the month of {@code scenario}; {@code modelSpec} (may be {@code null}) resolves {@code prefill: auto}. */
    static void print(PrintWriter out, Scenario scenario, PromptPack pack, LlmAgentSettings settings, String modelSpec) {
        PrefillMode prefill = settings.prefill().resolve(modelSpec);
        GameTexts texts = new GameTexts(pack, scenario.id());
        String shape = settings.layout() == PromptLayout.ORIGINAL
                ? "prefill " + prefill.name().toLowerCase(Locale.ROOT)
                : "rulesRole " + settings.rulesRole().name().toLowerCase(Locale.ROOT);
        out.printf(Locale.ROOT, "# GovSim prompts: scenario %s, layout %s, %s, pack %s%n", scenario.id(),
                settings.layout().id(), shape, pack.folder().map(Object::toString).orElse("built-in"));
        List<String> names = Personas.NAMES;
        section(out, "environment texts");
        out.println("pool:             " + texts.pool(100));
        out.println("universalization: " + texts.universalization(10));
        out.println("outcome:          " + texts.outcome(names.get(0), 12, 12));
        String report = texts.reportOpening() + " " + texts.reportLine(names.get(0), 12) + " "
                + texts.reportLine(names.get(1), 8);
        out.println("mayor report:     " + report);
        out.println("agreed limit:     " + texts.agreedLimit(10));
        out.println("local goal:       " + texts.localGoal(names.get(0)));
        out.println("newcomer goal:    " + texts.newcomerGoal(names.get(4)));

        AgentProfile john = new AgentProfile(Personas.id(0), names.get(0), "", false);
        GameSetup setup = new GameSetup(scenario, john, names, 100, 12, true, false, HARVEST_DAY);
        PromptLibrary library = PromptLibrary.of(pack);
        AgentPrompts prompts = new AgentPrompts(library, setup, settings.rulesRole(), settings.chainOfThought(),
                settings.layout(), prefill);
        String memories = "- 2024-01-01: " + texts.pool(100);
        List<ConversationEntry> chat = List.of(
                new ConversationEntry(ConversationEntry.MAYOR_ID, ConversationEntry.MAYOR_NAME, report),
                new ConversationEntry(Personas.id(1), names.get(1), "Shall we all keep to 10?"),
                new ConversationEntry(Personas.id(0), names.get(0), "Agreed, 10 each."));
        List<Message> harvest = prompts.harvest(HARVEST_DAY, 100, memories);
        call(out, "harvest", harvest);
        call(out, "harvest, asked again (parseFallback: reask)",
                prompts.harvestReask(harvest, "I would catch about ten tons."));
        call(out, "harvest, structured (structuredHarvest: true)", prompts.structuredHarvest(HARVEST_DAY, 100, memories));
        call(out, "importance", prompts.importance(texts.outcome(names.get(0), 12, 12)));
        call(out, "chat turn", prompts.turn(CHAT_DAY, names, chat.subList(0, 2), memories));
        call(out, "chat thought: plan", prompts.chatThought("chat-plan", CHAT_DAY, names, chat));
        call(out, "chat thought: memo", prompts.chatThought("chat-memo", CHAT_DAY, names, chat));
        call(out, "insights", prompts.insights("1) 2024-01-01: " + texts.pool(100) + "\n2) 2024-01-30: "
                + texts.agreedLimit(10)));
        FrameworkPrompts framework = new FrameworkPrompts(library, scenario, settings.chainOfThought(),
                settings.layout());
        call(out, "framework: summary", framework.summary(names, chat));
        call(out, "framework: agreed limit", framework.limit(names, chat));
        out.flush();
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("## " + title);
    }

    private static void call(PrintWriter out, String title, List<Message> messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.role().name().toLowerCase(Locale.ROOT)));
        section(out, title + " [" + String.join(", ", roles) + "]");
        for (Message message : messages) {
            out.printf(Locale.ROOT, "--- %s (%s) ---%n%s%n", message.role().name().toLowerCase(Locale.ROOT),
                    message.source(), message.content());
        }
    }
}
