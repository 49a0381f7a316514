package dev.polis.govsim.sweep;

import dev.polis.api.host.RunFolders;
import dev.polis.api.run.EventAppender;
import dev.polis.api.run.RunRecord;
import dev.polis.api.run.RunStatus;
import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.io.Json;
import dev.polis.govsim.io.LogEnvExport;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.protocol.ConversationEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of one run in its folder, written as the run goes: {@code run.json}, {@code metrics.json} and
 * {@code config.resolved.yaml} (the host's run folder format, through {@link RunFolders}), {@code spec.json},
 * {@code log_env.json} and {@code state.json} after every month, and
 * {@code events.jsonl} appended one month at a time (the agents' own {@code govsim.llm.*} events of the month
 * first, at the time they were emitted) through the host's writer ({@link RunRecord#events()}: its line format
 * {@code seq}, {@code time}, {@code type}, fields, and a resumed run continues the numbering). Write-ahead order:
 * the month's events, then the export, then the state as the host's checkpoint ({@link RunRecord#checkpoint}),
 * which covers the events and the calls written before it; {@link #savedState()} cuts what a crash left after the
 * last checkpoint, so a resumed run neither loses nor repeats an event or a call. Model calls go to
 * {@code calls.jsonl} through the run's {@link RunScope}. {@link #close} releases the folder's lock.
 */
public final class RunStore {

    /** The saved state, replaced after each finished month. */
    public static final String STATE = "state.json";
    /** The export in the original's layout. */
    public static final String LOG_ENV = "log_env.json";

    private final RunRecord folder;
    /** The run's event log, opened at the first events and kept open until {@link #close}. */
    private EventAppender events;

    /** Creates the store of run {@code spec} under {@code runs}, in a folder opened by {@code folders}. */
    public RunStore(RunFolders folders, Path runs, RunSpec spec) {
        this.folder = folders.open(runs, spec.id());
    }

    /** Returns the run's folder. */
    public Path directory() {
        return folder.directory();
    }

    /** Returns whether the run finished in an earlier sweep. */
    public boolean finished() {
        return folder.status().map(s -> s == RunStatus.FINISHED).orElse(false)
                && Files.isRegularFile(folder.file(STATE)) && Files.isRegularFile(folder.file(RunRecord.METRICS));
    }

    /** Returns the state of a {@link #finished()} run, as it was saved after its last month. */
    public GameState finalState() {
        return Json.read(folder.file(STATE), GameState.class);
    }

    /**
     * Returns the state saved after the last finished month, if any, after cutting the records written after it
     * (takes the run folder's lock: call it before the run's models open its call log).
     *
     * @throws IllegalStateException naming the file when the state cannot be read
     */
    public Optional<GameState> savedState() {
        return folder.restore(STATE).map(bytes -> {
            try {
                return Json.MAPPER.readValue(bytes, GameState.class);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + folder.file(STATE) + ": " + e.getMessage()
                        + "; delete the run folder " + folder.directory() + " to play the run again", e);
            }
        });
    }

    /** Marks the run started (keeping the original start time of a resumed run) and writes its spec. */
    public void start(RunSpec spec) {
        folder.started(spec.seed());
        Json.write(folder.file("spec.json"), spec, true);
    }

    /**
     * Writes {@code config.resolved.yaml} through the host: the {@code polis run} pipeline that plays this run on the
     * same engine.
     */
    public void resolvedConfig(String yaml) {
        folder.resolvedConfig(yaml);
    }

    /** Records a finished month: its events, the state and the export. */
    public void month(MonthRecord month, GameState state) {
        month(month, state, List.of());
    }

    /**
     * Records a finished month: first {@code agentEvents} (what its agents emitted during the month, each a map with
     * {@code time}, {@code type} and fields), then the month's harvests, utterances and summary, the state and the
     * export.
     */
    public void month(MonthRecord month, GameState state, List<Map<String, Object>> agentEvents) {
        appendEvents(month, agentEvents);
        Json.write(folder.file(LOG_ENV), LogEnvExport.rows(state.months()), false);
        try {
            folder.checkpoint(STATE, Json.MAPPER.writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of month " + month.month() + " as JSON", e);
        }
    }

    /** Appends events that belong to no month (emitted after the last one); does nothing for none. */
    public void events(List<Map<String, Object>> lines) {
        if (lines.isEmpty()) {
            return;
        }
        EventAppender out = events();
        lines.forEach(line -> held(out, line));
        out.flush();
    }

    /** Closes the run's event log (after the last events) and releases the run folder's lock. */
    public void close() {
        try {
            if (events != null) {
                EventAppender open = events;
                events = null;
                open.close();
            }
        } finally {
            folder.close();
        }
    }

    private EventAppender events() {
        if (events == null) {
            events = folder.events();
        }
        return events;
    }

    /** Writes the run's metrics and marks it finished. */
    public void finish(RunMetrics metrics) {
        folder.finished(metrics.asMap());
    }

    /** Marks the run failed with the reason. */
    public void fail(String reason) {
        folder.failed(reason);
    }

    /** Returns the fields {@code keysAndValues} in their order, so that every play writes the same line. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /** Writes an event held back during the month (a map with {@code time}, {@code type} and fields) at its time. */
    private static void held(EventAppender out, Map<String, Object> event) {
        Object time = event.get("time");
        Map<String, Object> fields = new LinkedHashMap<>(event);
        fields.remove("time");
        fields.remove("type");
        out.emit(time == null ? Instant.now() : Instant.parse(time.toString()), String.valueOf(event.get("type")),
                fields);
    }

    private void appendEvents(MonthRecord month, List<Map<String, Object>> agentEvents) {
        EventAppender out = events();
        agentEvents.forEach(line -> held(out, line));
        for (AgentMonth agent : month.agents()) {
            out.emit("govsim.harvest", ordered("month", month.month(), "agent", agent.agentId(),
                    "pool", month.poolBefore(), "wanted", agent.wanted(), "received", agent.received(),
                    "status", agent.status(), "answer", agent.rawText()));
        }
        for (ConversationEntry entry : month.conversation()) {
            out.emit("govsim.utterance", ordered("month", month.month(), "agent", entry.speakerId(),
                    "name", entry.speakerName(), "text", entry.text()));
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("month", month.month());
        end.put("pool_before", month.poolBefore());
        end.put("pool_after", month.poolAfter());
        end.put("threshold", month.perAgentThreshold());
        end.put("summary", month.summary());
        end.put("agreed_limit", month.agreedLimit());
        end.put("collapsed", month.collapsed());
        out.emit("govsim.month", end);
        out.flush(); // in the file before the checkpoint says the month is done
    }
}
