package dev.polis.runtime.decode;

import java.util.Objects;
import java.util.function.Consumer;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.tokenizer.IncrementalDecoder;

/**
 * A {@link TokenListener} that turns accepted tokens into text pieces for a consumer, and ends the generation at a
 * stop string.
 *
 * <p>Pieces never split a character and never show any part of a stop string; the stop string and whatever follows
 * it are left out. The pieces handed to the consumer always add up to {@link #text()}. Call {@link #finish()} once
 * decoding is over to release text held back in case it began a stop string. Not thread-safe.
 */
public final class TextStream implements TokenListener {

    private final IncrementalDecoder decoder;
    private final StopStrings stops;
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private boolean stopped;

    /** Creates a stream decoding with {@code decoder}, ending at {@code stops}, handing pieces to {@code sink}. */
    public TextStream(IncrementalDecoder decoder, StopStrings stops, Consumer<String> sink) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.stops = Objects.requireNonNull(stops, "stops");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public boolean onToken(int token) {
        if (stopped) {
            return false;
        }
        pending.append(decoder.add(token));
        return release(false);
    }

    /** Releases the text still held back; call once when decoding has ended. */
    public void finish() {
        if (!stopped) {
            pending.append(decoder.flush());
            release(true);
        }
    }

    /** Returns whether a stop string ended the generation. */
    public boolean stoppedAtStopString() {
        return stopped;
    }

    /** Returns the text handed out so far. */
    public String text() {
        return text.toString();
    }

    private boolean release(boolean all) {
        int match = stops.firstMatch(pending);
        if (match >= 0) {
            emit(match);
            pending.setLength(0);
            stopped = true;
            return false;
        }
        emit(all ? pending.length() : pending.length() - stops.heldBack(pending));
        return true;
    }

    private void emit(int length) {
        if (length > 0) {
            String piece = pending.substring(0, length);
            pending.delete(0, length);
            text.append(piece);
            sink.accept(piece);
        }
    }
}
