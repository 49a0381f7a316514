package dev.polis.mindsearch.cli;

import dev.polis.api.Choices;
import dev.polis.api.InvalidInputException;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.mindsearch.config.CitationMode;
import dev.polis.mindsearch.config.Language;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.ParentContext;
import dev.polis.mindsearch.config.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code ask} and {@code serve} share: corpus, model, protocol, limits, guards and records. */
final class RunOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--index", paramLabel = "DIR", description = "the index 'polis index' built (search.lucene)")
    Path index;

    @Option(names = "--model", paramLabel = "SPEC", required = true,
            description = "the model of the planner and the searchers, e.g. openai:http://127.0.0.1:11434/v1#qwen2.5:7b")
    String model;

    @Option(names = "--backend", paramLabel = "ID", description = "search backend id (default: the best ranked, search.lucene)")
    String backend;

    @Option(names = "--backend-setting", paramLabel = "KEY=VALUE", description = "a setting of the search backend"
            + " (repeatable), e.g. url=http://127.0.0.1:8888 for search.searxng, api-key-env=BRAVE_API_KEY for search.brave")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--protocol", paramLabel = "code|tools", defaultValue = "code",
            description = "code: the original's Python code blocks; tools: JSON tool calls (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--parent-context", paramLabel = "fixed|original", defaultValue = "fixed",
            description = "fixed: every parent's answer reaches its child; original: as the original (usually none)")
    String parentContext;

    @Option(names = "--citations", paramLabel = "global|original", defaultValue = "global",
            description = "global: one number per document, renumbered in the answer; original: the original's numbering")
    String citations;

    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "10", description = "planner turns (default: ${DEFAULT-VALUE})")
    int maxTurns;

    @Option(names = "--searcher-turns", paramLabel = "N", defaultValue = "4", description = "model calls per searcher (default: ${DEFAULT-VALUE})")
    int searcherTurns;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", defaultValue = "10", description = "searchers at once (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--node-timeout", paramLabel = "SECONDS", defaultValue = "180", description = "time limit of one searcher node (default: ${DEFAULT-VALUE})")
    long nodeTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", description = "time limit of one question (default: ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--guard", paramLabel = "ID", description = "a guard extension every search result and page passes (repeatable, in order)")
    List<String> guards = new ArrayList<>();

    @Option(names = "--guards", paramLabel = "FILE", description = "a guard configuration file, as for polis serve:"
            + " 'guard: <provider>' (default guard.chain) and its settings, e.g. guards: [{id: spotlight}, {id: injection}]")
    Path guardsFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the date the prompts state (default: today)")
    LocalDate date;

    @Option(names = "--lang", paramLabel = "en|cn", defaultValue = "en",
            description = "the prompts' language: en or cn, the original's default (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--temperature", paramLabel = "T", description = "sampling temperature (default: the model's)")
    Double temperature;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "mindsearch-runs", description = "where run folders go (default: ${DEFAULT-VALUE})")
    Path output;

    /** Returns the runner these options describe, checked: a missing or damaged index fails here, with exit 2. */
    QuestionRunner runner(HostServices host) {
        MindSearchSettings settings = new MindSearchSettings(choice("--protocol", protocol, Protocol.class),
                choice("--parent-context", parentContext, ParentContext.class),
                choice("--citations", citations, CitationMode.class), maxTurns, searcherTurns,
                MindSearchSettings.DEFAULTS.topK(), MindSearchSettings.DEFAULTS.maxSelect(),
                MindSearchSettings.DEFAULTS.pageChars(), parallel, seconds("--node-timeout", nodeTimeout),
                seconds("--timeout", timeout), date, temperature, choice("--lang", lang, Language.class));
        SearchBackendProvider provider = host.extensions().select(SearchBackendProvider.class, backend);
        if (index == null && "search.lucene".equals(provider.id())) {
            throw new InvalidInputException("--index is missing: no corpus to search. Build an index with 'polis index"
                    + " <corpus folder> --output <dir>' and pass --index <dir>");
        }
        Map<String, Object> backendSettings = new LinkedHashMap<>();
        if (index != null) {
            backendSettings.put("index", index.toString());
        }
        backendSettings.putAll(backendOptions);
        List<GuardConfig> configs = new ArrayList<>();
        for (String id : guards) {
            configs.add(new GuardConfig(id, host.settings().of(Map.of(), "mindsearch.guards." + id), "--guard " + id));
        }
        if (guardsFile != null) {
            if (!java.nio.file.Files.isRegularFile(guardsFile)) {
                throw new InvalidInputException("--guards " + guardsFile + ": no such file; give a YAML file such as"
                        + " 'guards: [{id: spotlight}, {id: injection}]'");
            }
            dev.polis.api.Settings block = host.settings().read(guardsFile);
            configs.add(new GuardConfig(block.string("guard", GuardConfig.DEFAULT_PROVIDER), block,
                    "--guards " + guardsFile));
        }
        QuestionRunner runner = new QuestionRunner(host, provider, backendSettings, model, configs, settings, output);
        runner.check();
        return runner;
    }

    private static Duration seconds(String option, long value) {
        if (value <= 0) {
            throw new InvalidInputException(option + " must be a positive number of seconds but was " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        return Choices.of(option, value, type);
    }
}
