package dev.polis.core.calls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.ToolCall;
import dev.polis.api.chat.ToolCallFragment;

/**
 * Answers requests with the responses of a recording, failing on the first request the recording does not hold.
 *
 * <p>The matching rule, which keeps concurrent runs deterministic:
 * <ol>
 *   <li>Recorded calls are split into <em>lanes</em> by the value of one metadata label ({@code agent} by
 *       default); a request is answered from the lane of its own label value. Calls without the label form one
 *       lane. When no recorded call has the label, all calls form one lane. A request without the label (a client
 *       of {@code polis serve}, which knows no agents) is matched by content: the earliest unused call that asks
 *       the same, in the unlabelled lane first, then in any lane; failing that, the earliest whose messages have the
 *       same roles, texts and tool calls whatever the settings and the messages' sources.</li>
 *   <li>Within a lane, calls are kept in the order they started ({@link CallRecord#seq()}).</li>
 *   <li>A request takes the earliest unused call of its lane whose request has the same messages (role,
 *       privilege, source, text, tool calls, call id), the same settings, tools, tool choice and response
 *       format; other metadata labels are not compared. So concurrent
 *       calls of one agent may arrive in any order, and identical requests are answered in recorded order.</li>
 *   <li>When no unused call matches, the request fails with {@link ReplayMismatchException}, showing how it
 *       differs from the earliest unused call of its lane.</li>
 *   <li>A recorded failure is replayed as a {@link PolisException} carrying the recorded message.</li>
 *   <li>A recorded answer's tool calls come back exactly; a stream hands each call to the listener as one
 *       fragment after the text.</li>
 * </ol>
 */
final class ReplayChatModel implements ChatModel {

    private final String spec;
    private final String laneLabel;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final boolean laned;

    ReplayChatModel(String spec, List<CallRecord> records, String laneLabel) {
        this.spec = spec;
        this.laneLabel = laneLabel;
        this.laned = records.stream().anyMatch(r -> r.request().metadata().containsKey(laneLabel));
        records.stream().sorted(Comparator.comparingLong(CallRecord::seq))
                .forEach(r -> lanes.computeIfAbsent(laneOf(r.request()), k -> new Lane()).records.add(r));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return answer(take(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = answer(take(request));
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        for (String piece : pieces(response.text())) {
            listener.onText(piece);
        }
        for (int i = 0; i < response.toolCalls().size(); i++) {
            ToolCall call = response.toolCalls().get(i);
            listener.onToolCallFragment(new ToolCallFragment(i, call.id(), call.name(), call.arguments()));
        }
        listener.onComplete(response);
        return response;
    }

    @Override
    public String spec() {
        return spec;
    }

    private ChatResponse answer(CallRecord record) {
        if (record.failed()) {
            throw new PolisException("replayed failure of recorded call " + record.seq() + " (" + record.spec()
                    + "): " + record.error().type() + ": " + record.error().message());
        }
        return record.response();
    }

    private synchronized CallRecord take(ChatRequest request) {
        String key = laneOf(request);
        Lane lane = lanes.get(key);
        if (lanes.isEmpty()) {
            throw new ReplayMismatchException(spec + ": the recording holds no call at all, so it cannot answer");
        }
        if (laned && !request.metadata().containsKey(laneLabel)) {
            return takeByContent(request, lane);
        }
        if (lane == null) {
            throw new ReplayMismatchException(spec + ": the recording holds no call for " + laneName(key)
                    + "; it holds calls for " + String.join(", ", lanes.keySet().stream().map(this::laneName).toList()));
        }
        Optional<CallRecord> match = lane.takeMatching(request);
        if (match.isPresent()) {
            return match.get();
        }
        Optional<CallRecord> expected = lane.firstUnused();
        if (expected.isEmpty()) {
            throw new ReplayMismatchException(spec + ": the recording has no call left for " + laneName(key)
                    + ": all " + lane.records.size() + " recorded calls were replayed, and the run asked for one more");
        }
        CallRecord next = expected.get();
        String difference = RequestDiff.describe(next.request(), request).orElse("no difference found");
        throw new ReplayMismatchException(spec + ": request " + (lane.used + 1) + " of " + laneName(key)
                + " does not match recorded call " + next.seq() + ": " + difference);
    }

    /**
     * Answers a request that carries no lane label (a client of {@code polis serve}) from a laned recording: the
     * earliest unused call with the same question, in its own unlabelled lane first, then in any lane.
     */
    private CallRecord takeByContent(ChatRequest request, Lane unlabelled) {
        List<Lane> order = new ArrayList<>();
        if (unlabelled != null) {
            order.add(unlabelled);
        }
        order.addAll(lanes.values());
        for (BiPredicate<ChatRequest, ChatRequest> same : List.<BiPredicate<ChatRequest, ChatRequest>>of(
                RequestDiff::sameQuestion, RequestDiff::sameConversation)) {
            for (Lane lane : order) {
                Optional<CallRecord> match = lane.takeMatching(request, same);
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        throw new ReplayMismatchException(spec + ": the request carries no '" + laneLabel + "' label, and no unused"
                + " recorded call of any " + laneLabel + " holds the same conversation (roles, texts and tool calls"
                + " of the messages compared); it holds " + lanes.values().stream().mapToInt(l -> l.records.size()).sum()
                + " calls");
    }

    private String laneOf(ChatRequest request) {
        return laned ? request.metadata().getOrDefault(laneLabel, "") : "";
    }

    private String laneName(String key) {
        if (!laned) {
            return "this run";
        }
        return key.isEmpty() ? "calls without a '" + laneLabel + "' label" : laneLabel + " '" + key + "'";
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** The recorded calls of one label value, in start order, and which of them were replayed. */
    private static final class Lane {

        private final List<CallRecord> records = new ArrayList<>();
        private final List<Boolean> taken = new ArrayList<>();
        private int used;

        Optional<CallRecord> takeMatching(ChatRequest request) {
            return takeMatching(request, RequestDiff::sameQuestion);
        }

        Optional<CallRecord> takeMatching(ChatRequest request, BiPredicate<ChatRequest, ChatRequest> same) {
            while (taken.size() < records.size()) {
                taken.add(false);
            }
            for (int i = 0; i < records.size(); i++) {
                if (!taken.get(i) && same.test(records.get(i).request(), request)) {
                    taken.set(i, true);
                    used++;
                    return Optional.of(records.get(i));
                }
            }
            return Optional.empty();
        }

        Optional<CallRecord> firstUnused() {
            for (int i = 0; i < records.size(); i++) {
                if (i >= taken.size() || !taken.get(i)) {
                    return Optional.of(records.get(i));
                }
            }
            return Optional.empty();
        }
    }
}
