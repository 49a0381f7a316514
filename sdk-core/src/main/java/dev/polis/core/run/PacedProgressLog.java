package dev.polis.core.run;

import dev.polis.api.host.ProgressDisplay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import dev.polis.api.run.Progress;

/**
 * Reports progress as log lines, at most one per interval plus one when the task ends, so logs of
 * unattended runs show the pace without flooding: {@code episode: 6/12 (50%) after 3.1 s, month 6}.
 */
public final class PacedProgressLog implements ProgressDisplay {

    private final Consumer<String> log;
    private final Clock clock;
    private final Duration interval;

    /** Creates a display that hands its lines to {@code log}, at most one per {@code interval}. */
    public PacedProgressLog(Consumer<String> log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Progress start(String task, long total) {
        return new Paced(task, total);
    }

    private final class Paced implements Progress {
        private final String task;
        private final long total;
        private final Instant started = clock.instant();
        private Instant logged;
        private long done;
        private String status = "";
        private boolean closed;

        private Paced(String task, long total) {
            this.task = task;
            this.total = Math.max(0, total);
            this.logged = started;
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            Instant now = clock.instant();
            if (Duration.between(logged, now).compareTo(interval) >= 0) {
                logged = now;
                log.accept(line(now, ""));
            }
        }

        @Override
        public synchronized void status(String text) {
            status = text == null ? "" : text;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                log.accept(line(clock.instant(), " done"));
            }
        }

        private String line(Instant now, String suffix) {
            StringBuilder text = new StringBuilder(task).append(':').append(suffix).append(' ').append(done);
            if (total > 0) {
                text.append('/').append(total).append(" (").append(done * 100 / total).append("%)");
            }
            text.append(" after ").append(Durations.brief(Duration.between(started, now)));
            if (!status.isEmpty()) {
                text.append(", ").append(status);
            }
            return text.toString();
        }
    }
}
