package dev.polis.mindsearch.planner;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.run.EventSink;
import dev.polis.mindsearch.exec.Cancellation;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import dev.polis.mindsearch.gate.ContentGate;
import dev.polis.mindsearch.searcher.Searcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cancelled request stops at once: cancelled before it starts, no model is called; cancelled while a turn's
 * searchers work, the planner stops waiting, the unfinished nodes fail and no model call follows the ones under way.
 */
@Timeout(60)
class CancellationTest {

    private final List<Map.Entry<String, Map<String, ?>>> events = new CopyOnWriteArrayList<>();
    private final EventSink sink = (type, fields) -> events.add(Map.entry(type, fields));
    private final MemoryBackend backend = new MemoryBackend().add("k", "Kellmouth", "Kellmouth is a harbour town.");

    private PlannerResult solve(FunctionModel model, Cancellation cancel) {
        Searcher searcher = new Searcher(model, backend, "memory", Harness.settings(), ContentGate.open(), sink);
        return new Planner(model, searcher, Harness.settings(), ContentGate.open(), sink).solve("Q?", cancel);
    }

    private List<String> types() {
        return events.stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void aRequestCancelledBeforeItStartsCallsNoModelAndSaysWhy() {
        FunctionModel model = FunctionModel.text(r -> code("", "graph.add_node('a', 'Qa')"));
        Cancellation cancel = new Cancellation();
        cancel.cancel("the client went away");

        PlannerResult result = solve(model, cancel);

        assertThat(model.requests("planner")).isEmpty();
        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).isEqualTo("the request was cancelled: the client went away");
        assertThat(types()).containsSubsequence("mindsearch.cancelled", "mindsearch.error", "mindsearch.answer");
    }

    @Test
    void aRequestCancelledWhileItsSearchersWorkFailsThemAndMakesNoFurtherCall() throws Exception {
        CountDownLatch arrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        java.util.Set<Thread> searchers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        FunctionModel model = FunctionModel.text(r -> {
            if (Harness.planner(r)) {
                return Harness.finalAnswer(r) ? "final" : code("", "graph.add_node('a', 'Qa')", "graph.add_node('b', 'Qb')");
            }
            searchers.add(Thread.currentThread());
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "<|action_start|><|plugin|>{\"name\": \"search\", \"parameters\": {\"query\": [\"Kellmouth\"]}}"
                    + "<|action_end|>";
        });
        Cancellation cancel = new Cancellation();
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                arrived.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel("stop");
        });

        PlannerResult result = solve(model, cancel);
        canceller.join();
        release.countDown();

        assertThat(result.problem()).isEqualTo("the request was cancelled: stop");
        assertThat(result.graph().searchers()).allSatisfy(n -> assertThat(n.error())
                .isEqualTo("the request was cancelled: stop"));
        assertThat(model.requests("planner")).hasSize(1);
        for (Thread searcher : searchers) {
            searcher.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(searcher.isAlive()).as("%s ended", searcher.getName()).isFalse();
        }
        assertThat(model.requests("searcher/a")).hasSize(1);
        assertThat(model.requests("searcher/b")).hasSize(1);
    }
}
