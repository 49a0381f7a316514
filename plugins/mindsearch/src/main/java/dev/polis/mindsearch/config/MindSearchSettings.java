package dev.polis.mindsearch.config;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.GenerationSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a MindSearch request is tuned by; {@link #DEFAULTS} are the original's values where it has them.
 *
 * @param protocol          code blocks (the original's) or JSON tool calls
 * @param parentContext     which parent answers reach a child node
 * @param citations         how citations are numbered across nodes
 * @param maxPlannerTurns   planner turns before the final answer is asked for (original: 10)
 * @param maxSearcherTurns  model calls a searcher makes at most, the last one without tools (original: 4)
 * @param topK              hits per query (original: 6)
 * @param maxSelect         pages a searcher reads per select, at most (original: 4, stated but not enforced)
 * @param pageChars         characters of a page given to the searcher (original: 8192)
 * @param parallelism       searchers running at once (original: 10 threads)
 * @param nodeTimeout       how long one searcher node may take
 * @param requestTimeout    how long the whole request may take
 * @param date              the date the prompts state; {@code null} for today
 * @param temperature       the sampling temperature, {@code null} for the model's default (the original: 0)
 * @param language          the prompts' language (the original's {@code --lang}; its default is Chinese)
 */
public record MindSearchSettings(Protocol protocol, ParentContext parentContext, CitationMode citations,
                                 int maxPlannerTurns,
                                 int maxSearcherTurns, int topK, int maxSelect, int pageChars, int parallelism,
                                 Duration nodeTimeout, Duration requestTimeout, LocalDate date, Double temperature,
                                 Language language) {

    /** The defaults. */
    public static final MindSearchSettings DEFAULTS = new MindSearchSettings(Protocol.CODE, ParentContext.FIXED,
            CitationMode.GLOBAL, 10, 4, 6, 4, 8192, 10, Duration.ofSeconds(180), Duration.ofSeconds(900), null, null,
            Language.EN);

    /** Checks the ranges; each message names the setting. */
    public MindSearchSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(parentContext, "parentContext");
        Objects.requireNonNull(citations, "citations");
        Objects.requireNonNull(language, "language");
        atLeast("maxPlannerTurns", maxPlannerTurns, 1);
        atLeast("maxSearcherTurns", maxSearcherTurns, 2);
        atLeast("topK", topK, 1);
        atLeast("maxSelect", maxSelect, 1);
        atLeast("pageChars", pageChars, 100);
        atLeast("parallelism", parallelism, 1);
        positive("nodeTimeout", nodeTimeout);
        positive("requestTimeout", requestTimeout);
    }

    /** Returns the date the prompts state. */
    public LocalDate today() {
        return date == null ? LocalDate.now() : date;
    }

    /** Returns the generation settings of every model call. */
    public GenerationSettings generation() {
        return temperature == null ? GenerationSettings.DEFAULTS : GenerationSettings.DEFAULTS.withTemperature(temperature);
    }

    /** Returns a copy with another protocol. */
    public MindSearchSettings withProtocol(Protocol value) {
        return new MindSearchSettings(value, parentContext, citations, maxPlannerTurns, maxSearcherTurns, topK, maxSelect,
                pageChars, parallelism, nodeTimeout, requestTimeout, date, temperature, language);
    }

    /** Returns a copy with another parent context. */
    public MindSearchSettings withParentContext(ParentContext value) {
        return new MindSearchSettings(protocol, value, citations, maxPlannerTurns, maxSearcherTurns, topK, maxSelect,
                pageChars, parallelism, nodeTimeout, requestTimeout, date, temperature, language);
    }

    /** Returns a copy numbering citations the {@code value} way. */
    public MindSearchSettings withCitations(CitationMode value) {
        return new MindSearchSettings(protocol, parentContext, value, maxPlannerTurns, maxSearcherTurns, topK,
                maxSelect, pageChars, parallelism, nodeTimeout, requestTimeout, date, temperature, language);
    }

    /** Returns a copy with other turn limits. */
    public MindSearchSettings withTurns(int planner, int searcher) {
        return new MindSearchSettings(protocol, parentContext, citations, planner, searcher, topK, maxSelect,
                pageChars, parallelism, nodeTimeout, requestTimeout, date, temperature, language);
    }

    /** Returns a copy with other parallelism and timeouts. */
    public MindSearchSettings withExecution(int threads, Duration node, Duration request) {
        return new MindSearchSettings(protocol, parentContext, citations, maxPlannerTurns, maxSearcherTurns, topK, maxSelect,
                pageChars, threads, node, request, date, temperature, language);
    }

    /** Returns a copy with prompts in {@code value}. */
    public MindSearchSettings withLanguage(Language value) {
        return new MindSearchSettings(protocol, parentContext, citations, maxPlannerTurns, maxSearcherTurns, topK,
                maxSelect, pageChars, parallelism, nodeTimeout, requestTimeout, date, temperature, value);
    }

    /** Returns a copy stating {@code value} as today's date. */
    public MindSearchSettings withDate(LocalDate value) {
        return new MindSearchSettings(protocol, parentContext, citations, maxPlannerTurns, maxSearcherTurns, topK, maxSelect,
                pageChars, parallelism, nodeTimeout, requestTimeout, value, temperature, language);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new InvalidInputException(name + " must be at least " + min + " but was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(name + " must be a positive duration (for example 120s) but was " + value);
        }
    }
}
