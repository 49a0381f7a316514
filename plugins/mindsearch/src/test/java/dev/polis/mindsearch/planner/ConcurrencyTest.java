package dev.polis.mindsearch.planner;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The nodes of one planner turn run at the same time, at most {@code parallelism} of them; a node past its time
 * limit fails without stopping the others; the request's limit ends the request with a partial answer.
 */
@Timeout(60)
class ConcurrencyTest {

    private final Harness harness = new Harness();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    private static String planner(ChatRequest r) {
        if (Harness.finalAnswer(r)) {
            return "final";
        }
        return Harness.turn(r) == 1 ? code("", "graph.add_node('a', 'Qa')", "graph.add_node('b', 'Qb')",
                "graph.add_node('c', 'Qc')") : code("", "graph.add_response_node()");
    }

    /** A searcher that counts how many searchers run at once and waits on {@code gate} (if any) before answering. */
    private String searcher(ChatRequest r, CountDownLatch gate) {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (gate != null) {
                gate.countDown();
                if (!gate.await(20, TimeUnit.SECONDS)) {
                    return "gave up waiting for the other nodes";
                }
            }
            if (Harness.problem(r).equals("Qslow")) {
                Thread.sleep(60_000);
            }
            return "answer " + Harness.problem(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            running.decrementAndGet();
        }
    }

    @Test
    void theNodesOfOneTurnRunTogether() {
        CountDownLatch allThree = new CountDownLatch(3);
        FunctionModel model = FunctionModel.text(r -> Harness.planner(r) ? planner(r) : searcher(r, allThree));

        PlannerResult result = harness.solve(model, new MemoryBackend(), Harness.settings(), "Q");

        assertThat(result.graph().searchers()).extracting(GraphNode::answer).containsExactly("answer Qa", "answer Qb",
                "answer Qc");
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void parallelismBoundsHowManyRunAtOnce() {
        FunctionModel model = FunctionModel.text(r -> Harness.planner(r) ? planner(r) : searcher(r, null));

        PlannerResult result = harness.solve(model, new MemoryBackend(),
                Harness.settings().withExecution(1, Duration.ofSeconds(30), Duration.ofSeconds(60)), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aNodePastItsTimeLimitFailsAndThePlannerGoesOn() {
        FunctionModel model = FunctionModel.text(r -> !Harness.planner(r) ? searcher(r, null)
                : Harness.finalAnswer(r) ? "final" : Harness.turn(r) == 1
                ? code("", "graph.add_node('slow', 'Qslow')", "graph.add_node('fast', 'Qfast')")
                : code("", "graph.add_response_node()"));

        PlannerResult result = harness.solve(model, new MemoryBackend(),
                Harness.settings().withExecution(4, Duration.ofSeconds(1), Duration.ofSeconds(50)), "Q");

        assertThat(result.complete()).isTrue();
        assertThat(result.graph().node("slow").status()).isEqualTo(NodeStatus.FAILED);
        assertThat(result.graph().node("slow").error()).isEqualTo("timed out after 1 s");
        assertThat(result.graph().node("fast").answer()).isEqualTo("answer Qfast");
        assertThat(Harness.lastTool(model.requests("planner").get(1))).contains("## Qslow\n\n(no answer: timed out after 1 s)",
                "## Qfast\n\nanswer Qfast");
    }

    @Test
    void theRequestsTimeLimitEndsItWithAPartialAnswer() {
        FunctionModel model = FunctionModel.text(r -> !Harness.planner(r) ? searcher(r, null)
                : Harness.turn(r) == 1 ? code("", "graph.add_node('fast', 'Qfast')")
                : code("", "graph.add_node('slow', 'Qslow')"));

        PlannerResult result = harness.solve(model, new MemoryBackend(),
                Harness.settings().withExecution(4, Duration.ofSeconds(50), Duration.ofSeconds(2)), "Q");

        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).contains("time limit of 2 s ran out");
        assertThat(result.answer().text()).contains("(partial answer", "answer Qfast");
        assertThat(harness.events("mindsearch.error")).hasSize(1);
    }
}
