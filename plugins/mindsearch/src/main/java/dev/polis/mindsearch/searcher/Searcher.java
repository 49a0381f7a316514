package dev.polis.mindsearch.searcher;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolChoice;
import dev.polis.api.chat.ToolDefinition;
import dev.polis.api.run.EventSink;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.mindsearch.config.Language;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.Prompts;
import dev.polis.mindsearch.config.Protocol;
import dev.polis.mindsearch.fetch.PageFetcher;
import dev.polis.mindsearch.gate.ContentGate;
import dev.polis.mindsearch.web.SearchUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Answers one sub-question: up to {@code maxSearcherTurns} model calls that search (several queries at once),
 * select pages to read and finally answer with {@code [[n]]} citations; the last call offers no tool, so every
 * searcher ends with an answer. Search results and pages enter the prompt as TOOL-privilege messages through the
 * {@link ContentGate}. With a {@link PageFetcher} (web backends) selected pages are read from their URLs; a page
 * that cannot be read, or a web search that fails, is an event and an error the model reads, and the searcher goes
 * on. Thread-safe: one instance serves every node of a request.
 */
public final class Searcher {

    private static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition("search", "Runs several queries at once; returns numbered results (url, title, summary).",
                    Map.of("type", "object", "properties", Map.of("query", Map.of("type", "array",
                            "items", Map.of("type", "string"), "description", "one to three queries")),
                            "required", List.of("query"))),
            new ToolDefinition("select", "Reads the full text of search results, by number.",
                    Map.of("type", "object", "properties", Map.of("select_ids", Map.of("type", "array",
                            "items", Map.of("type", "integer"))), "required", List.of("select_ids"))));

    private final ChatModel model;
    private final SearchBackend backend;
    private final String backendId;
    private final MindSearchSettings settings;
    private final ContentGate gate;
    private final EventSink events;
    private final PageFetcher pages;

    /** Creates a searcher over {@code backend} (named {@code backendId} as the source of its messages). */
    public Searcher(ChatModel model, SearchBackend backend, String backendId, MindSearchSettings settings,
                    ContentGate gate, EventSink events) {
        this(model, backend, backendId, settings, gate, events, null);
    }

    /**
     * Creates a searcher over a web {@code backend} whose selected pages {@code pages} reads from their URLs
     * ({@code null}: the backend's own {@code fetch}, as for {@code search.lucene}).
     */
    public Searcher(ChatModel model, SearchBackend backend, String backendId, MindSearchSettings settings,
                    ContentGate gate, EventSink events, PageFetcher pages) {
        this.pages = pages;
        this.model = model;
        this.backend = backend;
        this.backendId = backendId;
        this.settings = settings;
        this.gate = gate;
        this.events = events;
    }

    /** Answers {@code task}; model and backend failures propagate. */
    public SearcherOutcome answer(SearcherTask task) {
        return answer(task, () -> false);
    }

    /**
     * Answers {@code task}, giving up with a {@link CancellationException} before any model call once
     * {@code stopped} says so (the call under way is not interrupted).
     */
    public SearcherOutcome answer(SearcherTask task, BooleanSupplier stopped) {
        BrowserSession browser = new BrowserSession(backend, settings.topK(), settings.maxSelect(), settings.pageChars(),
                pages);
        List<Message> messages = new ArrayList<>();
        String prompt = settings.protocol() == Protocol.CODE ? "searcher-code" : "searcher-tools";
        Language language = settings.language();
        messages.add(Message.system(Prompts.text(language.prompt(prompt), Map.of("date", settings.today().toString(),
                "maxSelect", String.valueOf(settings.maxSelect())))));
        if (!task.history().isEmpty()) {
            StringBuilder history = new StringBuilder();
            task.history().forEach(qa -> history.append(language.history()).append("\n").append(qa.question())
                    .append("\n").append(language.answer()).append(" ").append(qa.answer()).append("\n"));
            messages.add(gate.admit(Message.tool(history.toString().strip(), "mindsearch.parents"), messages));
        }
        messages.add(new Message(Role.USER, language.topic() + "\n" + task.topic() + "\n" + language.current()
                + "\n" + task.question(), Privilege.MODEL, "planner"));
        for (int turn = 1; ; turn++) {
            if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("searcher " + task.node() + " was cancelled");
            }
            boolean last = turn >= settings.maxSearcherTurns();
            if (last) {
                messages.add(Message.user(Prompts.text(language.prompt("searcher-last-turn"))));
            }
            ChatRequest request = new ChatRequest(messages, settings.generation(),
                    Map.of("agent", "searcher/" + task.node(), "phase", "searcher", "turn", String.valueOf(turn)));
            if (settings.protocol() == Protocol.TOOLS) {
                request = request.withTools(TOOLS, last ? ToolChoice.NONE : ToolChoice.AUTO);
            }
            ChatResponse response = model.chat(request);
            List<Step> steps = steps(response);
            if (steps.isEmpty() || last) {
                return new SearcherOutcome(answerText(response), browser.results(), browser.read(),
                        browser.searches(), turn);
            }
            messages.add(settings.protocol() == Protocol.TOOLS ? response.asMessage() : Message.assistant(response.text()));
            for (Step step : steps) {
                String result = step.error() != null ? "error: " + step.error() : run(task.node(), step.request(), browser);
                Message message = step.callId() == null ? Message.tool(result, backendId)
                        : Message.toolResult(step.callId(), step.request() == null ? "tool" : step.request().name(), result);
                messages.add(gate.admit(message, messages));
            }
        }
    }

    private record Step(String callId, ToolRequest request, String error) { }

    private List<Step> steps(ChatResponse response) {
        if (settings.protocol() == Protocol.TOOLS) {
            List<Step> steps = new ArrayList<>();
            for (ToolCall call : response.toolCalls()) {
                steps.add(new Step(call.id(), ToolRequest.fromArguments(call.name(), call.arguments()), null));
            }
            return steps;
        }
        return ToolRequest.parse(response.text()).map(p -> List.of(new Step(null, p.request(), p.error())))
                .orElse(List.of());
    }

    private String run(String node, ToolRequest request, BrowserSession browser) {
        switch (request.name()) {
            case "search" -> {
                List<String> queries = request.queries();
                String result;
                try {
                    result = browser.search(queries);
                } catch (RuntimeException e) {
                    SearchUnavailableException unavailable = unavailable(e);
                    if (unavailable == null) {
                        throw e;
                    }
                    events.emit("mindsearch.search.error", Map.of("node", node, "queries", queries, "error",
                            String.valueOf(unavailable.getMessage())));
                    return "error: the search failed: " + unavailable.getMessage() + ". Search again, or answer with"
                            + " what you already know.";
                }
                List<Map<String, Object>> hits = new ArrayList<>();
                List<SearchHit> seen = browser.results();
                for (int i = 0; i < seen.size(); i++) {
                    hits.add(Map.of("n", i, "id", seen.get(i).id(), "url", seen.get(i).url(), "title", seen.get(i).title(),
                            "snippet", seen.get(i).snippet()));
                }
                events.emit("mindsearch.search", Map.of("node", node, "queries", queries, "results", seen.size(),
                        "hits", hits));
                return result;
            }
            case "select" -> {
                List<Integer> ids = request.ids();
                String result = browser.select(ids);
                browser.unread().forEach(u -> events.emit("mindsearch.fetch.error", Map.of("node", node, "n", u.n(),
                        "url", u.url(), "error", u.error())));
                events.emit("mindsearch.select", Map.of("node", node, "ids", ids, "read", browser.read()));
                return result;
            }
            default -> {
                return "error: there is no tool '" + request.name() + "'; the tools are search and select";
            }
        }
    }

    /** Returns the web search failure behind {@code e} (the host wraps a plugin's exceptions), or null. */
    private static SearchUnavailableException unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SearchUnavailableException s) {
                return s;
            }
        }
        return null;
    }

    private static String answerText(ChatResponse response) {
        String text = response.text();
        int marker = text.indexOf("<|action_start|>");
        return (marker >= 0 ? text.substring(0, marker) : text).strip();
    }
}
