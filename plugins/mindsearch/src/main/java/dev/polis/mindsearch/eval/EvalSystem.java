package dev.polis.mindsearch.eval;

import dev.polis.api.Choices;
import java.util.List;

/** The systems {@code polis mindsearch eval} compares: MindSearch and the paper's two baselines. */
public enum EvalSystem {
    /** The planner with parallel searchers. */
    MINDSEARCH("mindsearch"),
    /** The model answers directly, without searching. */
    NO_SEARCH("no-search"),
    /** One ReAct-style searcher agent over the whole question. */
    REACT("react");

    private final String id;

    EvalSystem(String id) {
        this.id = id;
    }

    /** Returns the name the command line and the eval folder use. */
    public String id() {
        return id;
    }

    /** Returns the system named {@code value}; {@code option} names the option in the error. */
    public static EvalSystem of(String option, String value) {
        return Choices.of(option, value, List.of(values()), EvalSystem::id);
    }
}
