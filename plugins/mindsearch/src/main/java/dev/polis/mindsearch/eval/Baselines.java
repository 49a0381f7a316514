package dev.polis.mindsearch.eval;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.run.EventSink;
import dev.polis.mindsearch.cite.CitedAnswer;
import dev.polis.mindsearch.cite.Numbering;
import dev.polis.mindsearch.cite.OriginalNumbering;
import dev.polis.mindsearch.cite.Reference;
import dev.polis.mindsearch.cite.SourceRegistry;
import dev.polis.mindsearch.config.CitationMode;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.Prompts;
import dev.polis.mindsearch.exec.NodeExecutor;
import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import dev.polis.mindsearch.graph.SearchGraph;
import dev.polis.mindsearch.planner.PlannerResult;
import dev.polis.mindsearch.searcher.Searcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's two baselines, from MindSearch's own components so that only the planning differs: no search (the
 * model answers the question directly, one call) and a ReAct-style single searcher (one searcher agent over the
 * whole question: the same prompts, tools, backend, turn limit, time limits and citation numbering as a MindSearch
 * node, its answer being the final answer). Both write the same events as the planner and end with
 * {@code mindsearch.answer}; planner turns are 0.
 */
public final class Baselines {

    /** The ReAct baseline's one node. */
    public static final String REACT_NODE = "react";

    private Baselines() {
    }

    /** Answers {@code question} with one model call and no search. */
    public static PlannerResult noSearch(ChatModel model, MindSearchSettings settings, EventSink events,
                                         String question) {
        SearchGraph graph = graph(question);
        Numbering numbering = numbering(settings);
        List<Message> messages = List.of(Message.system(Prompts.text(settings.language().prompt("direct-answer"),
                Map.of("date", settings.today().toString()))), Message.user(question));
        try {
            String text = model.chat(new ChatRequest(messages, settings.generation(),
                    Map.of("agent", "direct", "phase", "direct", "turn", "1"))).text();
            return finish(events, new PlannerResult(numbering.finalAnswer(text), true, "", 0, graph, numbering));
        } catch (RuntimeException e) {
            return failed(events, graph, numbering, "the model failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** Answers {@code question} with one searcher agent over the whole question. */
    public static PlannerResult react(Searcher searcher, MindSearchSettings settings, EventSink events,
                                      String question) {
        SearchGraph graph = graph(question);
        Numbering numbering = numbering(settings);
        GraphNode node = graph.addNode(REACT_NODE, question);
        events.emit("mindsearch.node.added", Map.of("node", REACT_NODE, "question", question, "turn", 1,
                "parents", List.of(), "from", List.of()));
        boolean inTime;
        try (NodeExecutor executor = new NodeExecutor(searcher, settings, events,
                Instant.now().plus(settings.requestTimeout()))) {
            inTime = executor.run(graph, List.of(node));
        }
        if (node.status() != NodeStatus.DONE) {
            return failed(events, graph, numbering, inTime ? "the searcher failed: " + node.error()
                    : "the request's time limit of " + settings.requestTimeout().toSeconds() + " s ran out");
        }
        String text = numbering.register(REACT_NODE, node.answer(), node.results());
        return finish(events, new PlannerResult(numbering.finalAnswer(text), true, "", 0, graph, numbering));
    }

    private static SearchGraph graph(String question) {
        SearchGraph graph = new SearchGraph();
        graph.addRoot(SearchGraph.ROOT, question);
        return graph;
    }

    private static Numbering numbering(MindSearchSettings settings) {
        return settings.citations() == CitationMode.ORIGINAL ? new OriginalNumbering() : new SourceRegistry();
    }

    private static PlannerResult failed(EventSink events, SearchGraph graph, Numbering numbering, String problem) {
        events.emit("mindsearch.error", Map.of("turn", 0, "error", problem));
        return finish(events, new PlannerResult(numbering.finalAnswer("(no answer: " + problem + ")"), false,
                problem, 0, graph, numbering));
    }

    private static PlannerResult finish(EventSink events, PlannerResult result) {
        CitedAnswer answer = result.answer();
        List<Map<String, Object>> references = new ArrayList<>();
        for (Reference r : answer.references()) {
            references.add(Map.of("n", r.number(), "url", r.source().url(), "title", r.source().title(),
                    "snippet", r.source().snippet(), "node", r.source().node()));
        }
        events.emit("mindsearch.answer", Map.of("complete", result.complete(), "answer", answer.text(),
                "references", references));
        return result;
    }
}
