package dev.polis.core.run;

import dev.polis.api.host.ProgressDisplay;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.polis.api.run.Progress;

/**
 * Draws a one-line progress bar, redrawn in place with a carriage return: {@code episode [#####.....] 6/12 month 6}.
 *
 * <p>Redraws at most every 100 ms, and always on the last unit and when the task closes.
 */
public final class ConsoleProgressBar implements ProgressDisplay {

    private static final int WIDTH = 30;
    private static final Duration REDRAW = Duration.ofMillis(100);

    private final PrintStream out;
    private final Clock clock;

    /** Creates a display drawing on {@code out} (usually standard error). */
    public ConsoleProgressBar(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Progress start(String task, long total) {
        return new Bar(task, total);
    }

    private final class Bar implements Progress {
        private final String task;
        private final long total;
        private final Instant started = clock.instant();
        private Instant drawn = Instant.MIN;
        private long done;
        private String status = "";
        private boolean closed;

        private Bar(String task, long total) {
            this.task = task;
            this.total = Math.max(0, total);
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            Instant now = clock.instant();
            if (Duration.between(drawn, now).compareTo(REDRAW) >= 0 || (total > 0 && done >= total)) {
                draw(now);
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
                draw(clock.instant());
                out.println();
                out.flush();
            }
        }

        private void draw(Instant now) {
            drawn = now;
            StringBuilder line = new StringBuilder("\r").append(task).append(' ');
            if (total > 0) {
                int filled = (int) Math.min(WIDTH, done * WIDTH / total);
                line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                        .append(done).append('/').append(total);
            } else {
                line.append(done);
            }
            line.append(' ').append(Durations.brief(Duration.between(started, now)));
            if (!status.isEmpty()) {
                line.append(' ').append(status);
            }
            out.print(line);
            out.flush();
        }
    }
}
