package dev.polis.mindsearch.cli;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.guard.Guard;
import dev.polis.api.run.EventAppender;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;
import dev.polis.api.run.RunRecord;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.exec.Cancellation;
import dev.polis.mindsearch.fetch.FetchLimits;
import dev.polis.mindsearch.fetch.PageFetcher;
import dev.polis.mindsearch.gate.ContentGate;
import dev.polis.mindsearch.gate.GuardGate;
import dev.polis.mindsearch.planner.Planner;
import dev.polis.mindsearch.planner.PlannerResult;
import dev.polis.mindsearch.searcher.Searcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers one question in its own run folder, with the host's services: opens the search backend, the model (whose
 * calls go to the folder's {@code calls.jsonl}) and the guards, runs the planner with every event appended and
 * flushed to {@code events.jsonl} and handed to {@code watcher}, and writes {@code answer.md}, the metrics and the
 * run's status. Used by {@code ask} (one question) and {@code serve} (one per request).
 */
final class QuestionRunner {

    /**
     * How a question ended.
     *
     * @param result the planner's result
     * @param folder the run folder
     */
    record Outcome(PlannerResult result, Path folder) { }

    /**
     * What a system is given to answer one question, all opened for the question's run: the model (calls recorded
     * in the folder), the search backend, the content gate, the event sink and the settings.
     *
     * @param chat      the model
     * @param search    the search backend
     * @param backendId the backend's id, the source its messages are marked with
     * @param gate      the guards in front of tool output
     * @param events    appends to {@code events.jsonl} and tells the watcher
     * @param settings  the run's settings
     * @param pages     reads selected pages from their URLs for a web backend; null: the backend's {@code fetch}
     * @param cancel    fires when the request is to stop (its client went away)
     */
    record Tools(ChatModel chat, SearchBackend search, String backendId, ContentGate gate, EventSink events,
                 MindSearchSettings settings, PageFetcher pages, Cancellation cancel) {

        /** Creates tools whose pages come from the backend's {@code fetch}, never cancelled. */
        Tools(ChatModel chat, SearchBackend search, String backendId, ContentGate gate, EventSink events,
              MindSearchSettings settings) {
            this(chat, search, backendId, gate, events, settings, null, new Cancellation());
        }

        /** Returns a searcher over these tools asking {@code model} (MindSearch's nodes and the ReAct baseline). */
        Searcher searcher(ChatModel model) {
            return new Searcher(model, search, backendId, settings, gate, events, pages);
        }
    }

    /** Answers a question with the tools of its run; MindSearch's planner is {@link #PLANNER}. */
    interface Strategy {
        /** Answers {@code question}. */
        PlannerResult solve(Tools tools, String question);
    }

    /** The MindSearch planner with its searchers. */
    static final Strategy PLANNER = (tools, question) -> new Planner(tools.chat(), tools.searcher(tools.chat()),
            tools.settings(), tools.gate(), tools.events()).solve(question, tools.cancel());

    private final HostServices host;
    private final SearchBackendProvider backend;
    private final Map<String, Object> backendSettings;
    private final String model;
    private final List<GuardConfig> guards;
    private final MindSearchSettings settings;
    private final Path output;

    QuestionRunner(HostServices host, SearchBackendProvider backend, Map<String, Object> backendSettings, String model,
                   List<GuardConfig> guards, MindSearchSettings settings, Path output) {
        this.host = host;
        this.backend = backend;
        this.backendSettings = Map.copyOf(backendSettings);
        this.model = model;
        this.guards = List.copyOf(guards);
        this.settings = settings;
        this.output = output;
    }

    /** Checks that the backend and the guards open (bad settings are the user's mistake), before anything runs. */
    void check() {
        backend.open(new SearchBackendContext(backendSettings(), RunContext.detached(0))).close();
        guards.forEach(guard -> guard.open(host.extensions(), RunContext.detached(0)).close());
    }

    /** Returns this runner writing its run folders in {@code folder} instead. */
    QuestionRunner writingTo(Path folder) {
        return new QuestionRunner(host, backend, backendSettings, model, guards, settings, folder);
    }

    /** Returns this runner with {@code other} settings (the bench's thread counts). */
    QuestionRunner with(MindSearchSettings other) {
        return new QuestionRunner(host, backend, backendSettings, model, guards, other, output);
    }

    /** Returns the settings the options gave. */
    MindSearchSettings settings() {
        return settings;
    }

    /** Returns the model spec. */
    String model() {
        return model;
    }

    /** Returns the search backend's id. */
    String backendId() {
        return backend.id();
    }

    Outcome run(String runId, String question, EventSink watcher) {
        return run(runId, question, watcher, PLANNER);
    }

    /** Answers {@code question} with {@code strategy} in run folder {@code runId}. */
    Outcome run(String runId, String question, EventSink watcher, Strategy strategy) {
        return run(runId, question, watcher, strategy, new Cancellation());
    }

    /** Answers {@code question} with {@code strategy} in run folder {@code runId} unless {@code cancel} fires. */
    Outcome run(String runId, String question, EventSink watcher, Strategy strategy, Cancellation cancel) {
        try (RunRecord record = host.folders().open(output, runId)) {
            record.started(0);
            EventAppender appender = record.events();
            EventSink events = (type, fields) -> {
                appender.emit(type, fields);
                appender.flush();
                watcher.emit(type, fields);
            };
            RunContext run = RunContext.inFolder(runId, 0, record.directory(), events);
            List<Guard> opened = new ArrayList<>();
            try (SearchBackend search = backend.open(new SearchBackendContext(backendSettings(), run));
                 ChatModel chat = host.models().chat(ModelRequest.of(model).inRun(run))) {
                for (GuardConfig guard : guards) {
                    opened.add(guard.open(host.extensions(), run));
                }
                ContentGate gate = opened.isEmpty() ? ContentGate.open() : new GuardGate(opened, events);
                events.emit("mindsearch.question", Map.of("question", question, "model", model, "backend",
                        backend.id(), "protocol", settings.protocol().name().toLowerCase(java.util.Locale.ROOT)));
                PlannerResult result = strategy.solve(new Tools(chat, search, backend.id(), gate, events, settings, pages(), cancel),
                        question);
                Files.writeString(record.file("answer.md"), result.answer().render() + "\n");
                if (result.complete()) {
                    record.finished(RunMetrics.of(result));
                } else {
                    record.failed(result.problem());
                }
                return new Outcome(result, record.directory());
            } catch (IOException e) {
                record.failed("answer.md could not be written: " + e.getMessage());
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                record.failed(String.valueOf(e.getMessage()));
                throw e;
            } finally {
                opened.forEach(Guard::close);
            }
        }
    }

    /** Returns the page reader of a web backend (capability {@code web}), or null: pages come from the backend. */
    private PageFetcher pages() {
        return backend.capabilities().contains("web")
                ? new PageFetcher(FetchLimits.from(backendSettings(), backend.id(), settings.pageChars())) : null;
    }

    private dev.polis.api.Settings backendSettings() {
        return host.settings().of(backendSettings, "mindsearch.backend." + backend.id());
    }
}
