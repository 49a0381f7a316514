package dev.polis.mindsearch.planner;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.run.EventSink;
import dev.polis.mindsearch.cite.CitedAnswer;
import dev.polis.mindsearch.cite.Numbering;
import dev.polis.mindsearch.cite.OriginalNumbering;
import dev.polis.mindsearch.cite.Reference;
import dev.polis.mindsearch.cite.Source;
import dev.polis.mindsearch.cite.SourceRegistry;
import dev.polis.mindsearch.config.CitationMode;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.Prompts;
import dev.polis.mindsearch.config.Protocol;
import dev.polis.mindsearch.exec.Cancellation;
import dev.polis.mindsearch.exec.NodeExecutor;
import dev.polis.mindsearch.gate.ContentGate;
import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import dev.polis.mindsearch.graph.SearchGraph;
import dev.polis.mindsearch.interp.PlannerInterpreter;
import dev.polis.mindsearch.searcher.Searcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers a question the MindSearch way: the planner model grows a graph of sub-questions turn by turn, each turn's
 * new nodes are searched in parallel, the planner reads their cited answers, and once it adds the response node (or
 * its turns run out) it writes the final answer. Planner faults (bad code, unknown names) go back to it as
 * observations; a model failure or the request's time limit ends the request with a partial answer made of the
 * nodes' answers.
 */
public final class Planner {

    private final ChatModel model;
    private final Searcher searcher;
    private final MindSearchSettings settings;
    private final ContentGate gate;
    private final EventSink events;

    /** Creates a planner; {@code searcher} answers its nodes. */
    public Planner(ChatModel model, Searcher searcher, MindSearchSettings settings, ContentGate gate, EventSink events) {
        this.model = model;
        this.searcher = searcher;
        this.settings = settings;
        this.gate = gate;
        this.events = events;
    }

    /** Answers {@code question}. */
    public PlannerResult solve(String question) {
        return solve(question, new Cancellation());
    }

    /**
     * Answers {@code question} unless {@code cancel} fires: then no further model call is made, the turn's unfinished
     * nodes fail, event {@code mindsearch.cancelled} is recorded and the partial answer returned.
     */
    public PlannerResult solve(String question, Cancellation cancel) {
        SearchGraph graph = new SearchGraph();
        graph.addRoot(SearchGraph.ROOT, question);
        PlannerInterpreter interpreter = new PlannerInterpreter(graph);
        Numbering registry = settings.citations() == CitationMode.ORIGINAL ? new OriginalNumbering()
                : new SourceRegistry();
        Map<String, String> answers = new HashMap<>();
        List<Message> messages = new ArrayList<>();
        String prompt = settings.protocol() == Protocol.CODE ? "planner-code" : "planner-tools";
        messages.add(Message.system(Prompts.text(settings.language().prompt(prompt),
                Map.of("date", settings.today().toString()))));
        messages.add(Message.user(question));
        Instant deadline = Instant.now().plus(settings.requestTimeout());
        String finalText = null;
        String problem = "";
        int turn = 0;
        try (NodeExecutor executor = new NodeExecutor(searcher, settings, events, deadline, cancel)) {
            while (turn < settings.maxPlannerTurns()) {
                if (Instant.now().isAfter(deadline)) {
                    problem = "the request's time limit of " + settings.requestTimeout().toSeconds() + " s ran out";
                    break;
                }
                stopIfCancelled(cancel);
                turn++;
                final int now = turn;
                graph.beginTurn(turn);
                ChatResponse response = model.chat(request(messages, "plan", turn, ToolChoice.AUTO));
                Set<String> before = new HashSet<>(graph.names());
                List<String> errors = new ArrayList<>();
                if (!act(response, messages, interpreter, graph, errors, turn)) {
                    finalText = response.text();
                    break;
                }
                errors.addAll(graph.checkEdges());
                List<GraphNode> fresh = graph.searchers().stream().filter(n -> !before.contains(n.name())).toList();
                fresh.forEach(n -> events.emit("mindsearch.node.added", Map.of("node", n.name(), "question",
                        n.content(), "turn", now, "parents", graph.parentsOf(n.name()).stream()
                                .map(GraphNode::name).toList(), "from", graph.edgesSnapshot().stream()
                                .filter(e -> e.end().equals(n.name())).map(e -> e.start()).toList())));
                errors.forEach(e -> events.emit("mindsearch.planner.error", Map.of("turn", now, "error", e)));
                boolean inTime = executor.run(graph, fresh);
                register(graph, registry, answers);
                String observation = Observation.render(graph.searchers(), answers, errors,
                        !fresh.isEmpty() || graph.hasResponse());
                messages.add(gate.admit(Message.tool(observation, "mindsearch.graph"), messages));
                events.emit("mindsearch.observation", Map.of("turn", now, "observation", observation,
                        "references", references(registry.sources())));
                stopIfCancelled(cancel);
                if (!inTime) {
                    problem = "the request's time limit of " + settings.requestTimeout().toSeconds() + " s ran out";
                    break;
                }
                if (graph.hasResponse()) {
                    break;
                }
            }
            if (finalText == null && problem.isEmpty()) {
                if (!graph.hasResponse()) {
                    events.emit("mindsearch.planner.turns-exhausted", Map.of("turns", turn));
                }
                stopIfCancelled(cancel);
                messages.add(Message.user(Prompts.text(settings.language().prompt("final-answer"))));
                ChatResponse last = model.chat(request(messages, "final", turn + 1, ToolChoice.NONE));
                if (last.callsTools() || PlannerReply.parse(last.text()).code().isPresent()) {
                    problem = "the planner gave no final answer: asked for it after " + turn
                            + " turn(s), it replied with more graph calls";
                } else {
                    finalText = last.text();
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            problem = "the request was cancelled: " + e.getMessage();
        } catch (RuntimeException e) {
            problem = "the planner stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (cancel.cancelled()) {
            events.emit("mindsearch.cancelled", Map.of("turn", turn, "reason", cancel.reason(), "failed",
                    graph.searchers().stream().filter(n -> n.status() == NodeStatus.FAILED).map(GraphNode::name)
                            .toList()));
        }
        boolean complete = finalText != null && problem.isEmpty();
        if (!complete) {
            events.emit("mindsearch.error", Map.of("turn", turn, "error", problem));
        }
        String text = complete ? finalText : partial(graph, answers);
        CitedAnswer answer = registry.finalAnswer(text);
        events.emit("mindsearch.answer", Map.of("complete", complete, "answer", answer.text(), "references",
                references(answer.references().stream().collect(java.util.stream.Collectors.toMap(Reference::number,
                        Reference::source, (a, b) -> a, java.util.TreeMap::new)))));
        return new PlannerResult(answer, complete, problem, turn, graph, registry);
    }

    private static void stopIfCancelled(Cancellation cancel) {
        if (cancel.cancelled()) {
            throw new java.util.concurrent.CancellationException(cancel.reason());
        }
    }

    /** Carries out a planner reply; returns false when it is a plain answer (no code, no tool call). */
    private boolean act(ChatResponse response, List<Message> messages, PlannerInterpreter interpreter,
                        SearchGraph graph, List<String> errors, int turn) {
        if (settings.protocol() == Protocol.TOOLS) {
            if (!response.callsTools()) {
                return false;
            }
            events.emit("mindsearch.planner.turn", Map.of("turn", turn, "thought", response.text(), "calls",
                    response.toolCalls().stream().map(c -> c.name() + " " + c.arguments()).toList()));
            messages.add(response.asMessage());
            messages.addAll(GraphTools.apply(graph, response.toolCalls(), errors));
            return true;
        }
        PlannerReply reply = PlannerReply.parse(response.text());
        if (reply.code().isEmpty()) {
            return false;
        }
        events.emit("mindsearch.planner.turn", Map.of("turn", turn, "thought", reply.thought(), "code",
                reply.code().get()));
        messages.add(Message.assistant(response.text()));
        errors.addAll(interpreter.run(reply.code().get()).errors());
        return true;
    }

    private ChatRequest request(List<Message> messages, String phase, int turn, ToolChoice choice) {
        ChatRequest request = new ChatRequest(messages, settings.generation(),
                Map.of("agent", "planner", "phase", phase, "turn", String.valueOf(turn)));
        return settings.protocol() == Protocol.TOOLS ? request.withTools(GraphTools.DEFINITIONS, choice) : request;
    }

    /** Describes numbered sources for events: n, url, title, snippet, node. */
    private static List<Map<String, Object>> references(Map<Integer, Source> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        sources.forEach((n, s) -> out.add(Map.of("n", n, "url", s.url(), "title", s.title(), "snippet", s.snippet(),
                "node", s.node())));
        return out;
    }

    /** Numbers the citations of nodes answered since the last call, in declaration order. */
    private static void register(SearchGraph graph, Numbering registry, Map<String, String> answers) {
        for (GraphNode node : graph.searchers()) {
            if (node.status() == NodeStatus.DONE && !answers.containsKey(node.name())) {
                answers.put(node.name(), registry.register(node.name(), node.answer(), node.results()));
            }
        }
    }

    private static String partial(SearchGraph graph, Map<String, String> answers) {
        StringBuilder out = new StringBuilder("(partial answer: the planner did not finish; these are the"
                + " sub-questions answered so far)");
        for (GraphNode node : graph.searchers()) {
            if (answers.containsKey(node.name())) {
                out.append("\n\n## ").append(node.content()).append("\n\n").append(answers.get(node.name()));
            }
        }
        return out.toString();
    }
}
