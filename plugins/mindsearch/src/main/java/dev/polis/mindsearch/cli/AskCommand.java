package dev.polis.mindsearch.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.run.EventAppender;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;
import dev.polis.api.run.RunRecord;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.ParentContext;
import dev.polis.mindsearch.config.Protocol;
import dev.polis.mindsearch.gate.ContentGate;
import dev.polis.mindsearch.gate.GuardGate;
import dev.polis.mindsearch.planner.Planner;
import dev.polis.mindsearch.planner.PlannerResult;
import dev.polis.mindsearch.searcher.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis mindsearch ask}: answers one question, printing progress on standard error and the cited answer on
 * standard output, and recording the run (events, model calls, answer) in its folder as it goes.
 */
@Command(name = "ask", description = {
    "Answers a question: a planner model splits it into sub-questions, searchers answer them in parallel over the",
    "search index with [[n]] citations, and the planner writes the cited final answer.",
    "Example: polis mindsearch ask \"Who directed the film that won ...?\" --index docs-index \\",
    "           --model openai:http://127.0.0.1:11434/v1#qwen2.5:7b"})
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    MindSearchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Option(names = "--index", paramLabel = "DIR", description = "the index 'polis index' built (search.lucene)")
    Path index;

    @Option(names = "--model", paramLabel = "SPEC", required = true,
            description = "the model of the planner and the searchers, e.g. openai:http://127.0.0.1:11434/v1#qwen2.5:7b")
    String model;

    @Option(names = "--backend", paramLabel = "ID", description = "search backend id (default: the best ranked, search.lucene)")
    String backend;

    @Option(names = "--protocol", paramLabel = "code|tools", defaultValue = "code",
            description = "code: the original's Python code blocks; tools: JSON tool calls (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--parent-context", paramLabel = "fixed|original", defaultValue = "fixed",
            description = "fixed: every parent's answer reaches its child; original: as the original (usually none)")
    String parentContext;

    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "10", description = "planner turns (default: ${DEFAULT-VALUE})")
    int maxTurns;

    @Option(names = "--searcher-turns", paramLabel = "N", defaultValue = "4", description = "model calls per searcher (default: ${DEFAULT-VALUE})")
    int searcherTurns;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", defaultValue = "10", description = "searchers at once (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--node-timeout", paramLabel = "SECONDS", defaultValue = "180", description = "time limit of one searcher node (default: ${DEFAULT-VALUE})")
    long nodeTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", description = "time limit of the whole question (default: ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--guard", paramLabel = "ID", description = "a guard extension every search result and page passes (repeatable, in order)")
    List<String> guards = new ArrayList<>();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the date the prompts state (default: today)")
    LocalDate date;

    @Option(names = "--temperature", paramLabel = "T", description = "sampling temperature (default: the model's)")
    Double temperature;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "mindsearch-runs", description = "where run folders go (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--run-id", paramLabel = "ID", description = "the run folder's name (default: ask-<date>-<time>)")
    String runId;

    @Override
    public Integer call() throws IOException {
        HostServices host = parent.services();
        MindSearchSettings settings = settings();
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("QUESTION is empty; ask a question, e.g. polis mindsearch ask \"...\"");
        }
        SearchBackendProvider provider = host.extensions().select(SearchBackendProvider.class, backend);
        if (index == null && "search.lucene".equals(provider.id())) {
            throw new InvalidInputException("--index is missing: no corpus to search. Build an index with 'polis index"
                    + " <corpus folder> --output <dir>' and pass --index <dir>");
        }
        String id = runId != null ? runId : "ask-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Map<String, Object> backendSettings = new LinkedHashMap<>();
        if (index != null) {
            backendSettings.put("index", index.toString());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (RunRecord record = host.folders().open(output, id)) {
            record.started(0);
            EventAppender appender = record.events();
            ProgressPrinter printer = new ProgressPrinter(err);
            EventSink events = (type, fields) -> {
                appender.emit(type, fields);
                appender.flush();
                printer.emit(type, fields);
            };
            RunContext run = RunContext.inFolder(id, 0, record.directory(), events);
            List<Guard> opened = new ArrayList<>();
            try (SearchBackend search = provider.open(new SearchBackendContext(
                         host.settings().of(backendSettings, "mindsearch.backend." + provider.id()), run));
                 ChatModel chat = host.models().chat(ModelRequest.of(model).inRun(run))) {
                for (String guard : guards) {
                    opened.add(host.extensions().get(GuardProvider.class, guard).create(new GuardContext(
                            host.settings().of(Map.of(), "mindsearch.guards." + guard), run)));
                }
                ContentGate gate = opened.isEmpty() ? ContentGate.open() : new GuardGate(opened, events);
                events.emit("mindsearch.question", Map.of("question", question, "model", model, "backend",
                        provider.id(), "protocol", settings.protocol().name().toLowerCase(java.util.Locale.ROOT)));
                Searcher searcher = new Searcher(chat, search, provider.id(), settings, gate, events);
                PlannerResult result = new Planner(chat, searcher, settings, gate, events).solve(question);
                String rendered = result.answer().render();
                Files.writeString(record.file("answer.md"), rendered + "\n");
                spec.commandLine().getOut().println(rendered);
                appender.flush();
                if (!result.complete()) {
                    record.failed(result.problem());
                    err.println("polis mindsearch: " + result.problem() + "; the partial answer above is in "
                            + record.file("answer.md"));
                    return 1;
                }
                record.finished(RunMetrics.of(result));
                return 0;
            } catch (RuntimeException e) {
                record.failed(e.getMessage());
                throw e;
            } finally {
                opened.forEach(Guard::close);
            }
        }
    }

    private MindSearchSettings settings() {
        return new MindSearchSettings(choice("--protocol", protocol, Protocol.class),
                choice("--parent-context", parentContext, ParentContext.class), maxTurns, searcherTurns,
                MindSearchSettings.DEFAULTS.topK(), MindSearchSettings.DEFAULTS.maxSelect(),
                MindSearchSettings.DEFAULTS.pageChars(), parallel, seconds("--node-timeout", nodeTimeout),
                seconds("--timeout", timeout), date, temperature);
    }

    private static Duration seconds(String option, long value) {
        if (value <= 0) {
            throw new InvalidInputException(option + " must be a positive number of seconds but was " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new InvalidInputException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + " but was '" + value + "'");
    }
}
