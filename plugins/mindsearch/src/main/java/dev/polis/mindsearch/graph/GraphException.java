package dev.polis.mindsearch.graph;

import dev.polis.api.PolisException;

/** A graph call the planner got wrong (an unknown node, a reused name); it goes back to the planner as an error. */
public final class GraphException extends PolisException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message the planner can act on. */
    public GraphException(String message) {
        super(message);
    }
}
