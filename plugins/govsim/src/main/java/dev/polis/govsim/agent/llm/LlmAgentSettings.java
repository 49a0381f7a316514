package dev.polis.govsim.agent.llm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.govsim.agent.llm.prompt.PrefillMode;
import dev.polis.govsim.agent.llm.prompt.PromptLayout;
import dev.polis.govsim.agent.llm.prompt.RulesRole;
import dev.polis.govsim.agent.llm.retrieval.RecencyOrder;
import dev.polis.govsim.protocol.Scenario;

/**
 * The {@code govsim.llm} agent's settings, read from its configuration block (keys and defaults are listed in
 * {@link dev.polis.govsim.agent.llm the package documentation}).
 *
 * @param prompts             a folder of prompt files overriding the built-in ones
 * @param frameworkModel      the model spec for chat summaries and limit extraction; empty: the agent's model
 * @param embedder            {@value #LEXICAL} or an embedding model spec
 * @param rulesRole           which message carries the rules
 * @param rateImportance      whether each memory's importance is asked of the model
 * @param recency             which memories recency favours
 * @param harvestMemories     memories retrieved for a harvest; empty: 10 (14 for pollution, as the original)
 * @param turnMemories        memories retrieved per focal point of a chat turn
 * @param reflectionMemories  memories retrieved for a reflection
 * @param concludeWhenUnclear whether an unreadable yes/no ends the chat
 * @param chainOfThought      whether prompts ask for step-by-step reasoning
 * @param temperature         sampling temperature of every call
 * @param maxTokens           the most tokens a call may generate
 * @param thoughtDays         how many days thoughts and chat summaries stay retrievable
 * @param structuredHarvest   whether the harvest is asked as a JSON schema answer ({@code {"amount": N}}) instead
 *                            of free text read by the original's rule
 * @param layout              how prompts become messages: Polis's own or the original's (one user message each)
 * @param prefill             how the original layout sends reply prefixes
 * @param shortMaxTokens      the most tokens of a short answer (importance rating, chat thought, chat summary);
 *                            empty: {@code maxTokens}
 * @param stops               whether short answers stop where the original stops them ({@link CallLimits})
 * @param parseFallback       what a harvest answer without an answer line gets: 0 ({@code none}) or one more ask
 *                            ({@code reask}, the original's continuation)
 * @param constrainedChoices  whether importance ratings and chat turns are asked as JSON schema answers ({@code
 *                            choices: constrained}: {@code {"rating": N}} with N from 1 to 10; a turn's conclusion
 *                            from yes/no and its next speaker from the participants) instead of free text
 * @param originalThoughtClock whether the two thoughts after the chat of an agent that did not open it are stamped
 *                            with the month's harvest day, as the original stamps them ({@code thoughtClock:
 *                            original}), instead of the discussion day
 */
public record LlmAgentSettings(Optional<Path> prompts, Optional<String> frameworkModel, String embedder,
                               RulesRole rulesRole, boolean rateImportance, RecencyOrder recency,
                               OptionalInt harvestMemories, int turnMemories, int reflectionMemories,
                               boolean concludeWhenUnclear, boolean chainOfThought, double temperature,
                               int maxTokens, int thoughtDays, boolean structuredHarvest, PromptLayout layout,
                               PrefillMode prefill, OptionalInt shortMaxTokens, boolean stops,
                               boolean parseFallback, boolean constrainedChoices, boolean originalThoughtClock) {

    /** The embedder value that selects the built-in TF-IDF relevance. */
    public static final String LEXICAL = "lexical";

    private static final Set<String> KEYS = Set.of("prompts", "frameworkModel", "embedder", "rulesRole",
            "rateImportance", "recency", "harvestMemories", "turnMemories", "reflectionMemories",
            "concludeWhenUnclear", "chainOfThought", "temperature", "maxTokens", "thoughtDays", "structuredHarvest",
            "layout", "prefill", "shortMaxTokens", "stops", "parseFallback", "choices", "thoughtClock",
            "guards"); // guards: read by LlmAgentProvider (guard/AgentGuards)

    /** The defaults: the original's behaviour, rules in a system message, lexical relevance. */
    public static final LlmAgentSettings DEFAULTS = new LlmAgentSettings(Optional.empty(), Optional.empty(), LEXICAL,
            RulesRole.SYSTEM, true, RecencyOrder.OLDEST_FIRST, OptionalInt.empty(), 5, 10, true, true, 0.0, 2000, 63,
            false, PromptLayout.POLIS, PrefillMode.AUTO, OptionalInt.empty(), false, false, false, false);

    /** Checks the components. */
    public LlmAgentSettings {
        prompts = prompts == null ? Optional.empty() : prompts;
        frameworkModel = frameworkModel == null ? Optional.empty() : frameworkModel.filter(s -> !s.isBlank());
        embedder = embedder == null || embedder.isBlank() ? LEXICAL : embedder.trim();
        harvestMemories = harvestMemories == null ? OptionalInt.empty() : harvestMemories;
        shortMaxTokens = shortMaxTokens == null ? OptionalInt.empty() : shortMaxTokens;
        layout = layout == null ? PromptLayout.POLIS : layout;
        prefill = prefill == null ? PrefillMode.AUTO : prefill;
        shortMaxTokens.ifPresent(k -> positive("shortMaxTokens", k));
        positive("turnMemories", turnMemories);
        positive("reflectionMemories", reflectionMemories);
        positive("maxTokens", maxTokens);
        positive("thoughtDays", thoughtDays);
        harvestMemories.ifPresent(k -> positive("harvestMemories", k));
        if (temperature < 0) {
            throw new InvalidInputException("temperature: must be >= 0 but was " + temperature);
        }
    }

    /**
     * Reads the settings from a configuration block.
     *
     * @throws InvalidInputException naming the key, for an unknown key or a bad value
     */
    public static LlmAgentSettings from(Settings settings) {
        Set<String> unknown = new TreeSet<>(settings.asMap().keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("unknown govsim.llm setting(s) " + unknown + "; known: "
                    + new TreeSet<>(KEYS));
        }
        LlmAgentSettings d = DEFAULTS;
        return new LlmAgentSettings(
                settings.string("prompts").filter(s -> !s.isBlank()).map(Path::of),
                settings.string("frameworkModel"),
                settings.string("embedder", d.embedder()),
                rulesRole(settings.string("rulesRole", "system")),
                settings.booleanValue("rateImportance", d.rateImportance()),
                recency(settings.string("recency", "oldest-first")),
                settings.get("harvestMemories").isPresent()
                        ? OptionalInt.of(settings.intValue("harvestMemories", 10)) : OptionalInt.empty(),
                settings.intValue("turnMemories", d.turnMemories()),
                settings.intValue("reflectionMemories", d.reflectionMemories()),
                settings.booleanValue("concludeWhenUnclear", d.concludeWhenUnclear()),
                settings.booleanValue("chainOfThought", d.chainOfThought()),
                settings.doubleValue("temperature", d.temperature()),
                settings.intValue("maxTokens", d.maxTokens()),
                settings.intValue("thoughtDays", d.thoughtDays()),
                settings.booleanValue("structuredHarvest", d.structuredHarvest()),
                PromptLayout.parse(settings.string("layout", d.layout().id())),
                PrefillMode.parse(settings.string("prefill", "auto")),
                settings.get("shortMaxTokens").isPresent()
                        ? OptionalInt.of(settings.intValue("shortMaxTokens", 100)) : OptionalInt.empty(),
                stops(settings.string("stops", "none")),
                fallback(settings.string("parseFallback", "none")),
                choices(settings.string("choices", "free")),
                thoughtClock(settings.string("thoughtClock", "discussion")));
    }

    /** Returns how many memories a harvest prompt shows in {@code scenario}. */
    public int harvestMemoriesFor(Scenario scenario) {
        return harvestMemories.orElse(scenario == Scenario.POLLUTION ? 14 : 10);
    }

    /** Returns whether relevance is lexical rather than from an embedding model. */
    public boolean lexical() {
        return LEXICAL.equalsIgnoreCase(embedder);
    }

    /** Returns the token limit and stops of each kind of call. */
    public CallLimits limits() {
        return new CallLimits(maxTokens, shortMaxTokens.orElse(maxTokens), stops);
    }

    private static boolean stops(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "original" -> true;
            default -> throw new InvalidInputException("stops: expected none or original but found '" + text + "'");
        };
    }

    private static boolean choices(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "free" -> false;
            case "constrained" -> true;
            default -> throw new InvalidInputException("choices: expected free (ratings read from free text) or "
                    + "constrained (ratings and chat turns asked as JSON schema answers) but found '" + text + "'");
        };
    }

    private static boolean fallback(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "reask" -> true;
            default -> throw new InvalidInputException("parseFallback: expected none (a harvest answer without an "
                    + "answer line counts 0) or reask (ask once more) but found '" + text + "'");
        };
    }

    private static boolean thoughtClock(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "discussion" -> false;
            case "original" -> true;
            default -> throw new InvalidInputException("thoughtClock: expected discussion (every agent's thoughts "
                    + "after the chat carry the discussion day) or original (those of agents that did not open the chat"
                    + " carry the harvest day) but found '" + text + "'");
        };
    }

    private static RulesRole rulesRole(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "system" -> RulesRole.SYSTEM;
            case "user" -> RulesRole.USER;
            default -> throw new InvalidInputException("rulesRole: expected system or user but found '" + text + "'");
        };
    }

    private static RecencyOrder recency(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "oldest-first", "original" -> RecencyOrder.OLDEST_FIRST;
            case "newest-first", "fixed" -> RecencyOrder.NEWEST_FIRST;
            default -> throw new InvalidInputException("recency: expected oldest-first (the original) or newest-first"
                    + " but found '" + text + "'");
        };
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new InvalidInputException(key + ": must be at least 1 but was " + value);
        }
    }
}
