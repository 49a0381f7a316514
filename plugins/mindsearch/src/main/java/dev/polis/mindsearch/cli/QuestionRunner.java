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

    Outcome run(String runId, String question, EventSink watcher) {
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
                Searcher searcher = new Searcher(chat, search, backend.id(), settings, gate, events);
                PlannerResult result = new Planner(chat, searcher, settings, gate, events).solve(question);
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

    private dev.polis.api.Settings backendSettings() {
        return host.settings().of(backendSettings, "mindsearch.backend." + backend.id());
    }
}
