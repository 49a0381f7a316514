package dev.polis.layerskip.decode;

import ai.djl.ndarray.NDArray;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.LmSession;
import dev.polis.runtime.model.TransformerSession;

/**
 * A session of {@link EarlyExitLm}: tokens run through layers {@code 0..E-1}, then the final norm and head. Prompts
 * ({@link #appendLast}) go through the runtime's installed prefill strategy limited to those E layers.
 */
final class EarlyExitSession implements LmSession {

    private final LayeredModel model;
    private final TransformerSession session;
    private final int exitLayer;

    EarlyExitSession(LayeredModel model, TransformerSession session, int exitLayer) {
        this.model = model;
        this.session = session;
        this.exitLayer = exitLayer;
    }

    @Override
    public float[][] append(int[] tokens) {
        return forward(tokens, tokens.length);
    }

    @Override
    public float[] appendLast(int[] tokens) {
        return session.appendLast(tokens, exitLayer);
    }

    private float[][] forward(int[] tokens, int rows) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("append needs at least one token");
        }
        int start = session.length();
        if (start + tokens.length > session.capacity()) {
            throw new InvalidInputException("the sequence would reach " + (start + tokens.length)
                    + " tokens but this session holds at most " + session.capacity());
        }
        return session.step(() -> {
            NDArray hidden = model.run(session, tokens, start, 0, exitLayer);
            session.assumeLength(start + tokens.length);
            return model.lastLogits(hidden, rows);
        });
    }

    @Override
    public int length() {
        return session.length();
    }

    @Override
    public void crop(int newLength) {
        session.crop(newLength);
    }

    @Override
    public void close() {
        session.close();
    }
}
