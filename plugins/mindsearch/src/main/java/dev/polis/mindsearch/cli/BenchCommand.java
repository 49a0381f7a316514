package dev.polis.mindsearch.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.mindsearch.bench.BenchRun;
import dev.polis.mindsearch.bench.BenchSummary;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.planner.PlannerResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis mindsearch bench}: answers one question again and again with different numbers of searchers at once
 * (alternated within each round), each answer recorded in its own run folder, and prints and writes
 * ({@code bench.json}) the wall times, the speed-up over the first thread count and documents surfaced per minute.
 */
@Command(name = "bench", description = {
    "Measures the parallel speed-up of searcher nodes: answers QUESTION with each --threads value in turn, for"
        + " --rounds rounds, and reports median wall time, speed-up over the first value and documents surfaced per"
        + " minute. Use a question whose planner adds several nodes in one turn.",
    "Example: polis mindsearch bench \"Compare the rivers of ...\" --index docs-index --model openai:http://127.0.0.1:8000/v1#m"
        + " --threads 1,4,8 --rounds 3"})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    MindSearchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--threads", paramLabel = "LIST", split = ",", defaultValue = "1,10",
            description = "searchers at once, compared in this order; the first is the baseline (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--bench-id", paramLabel = "ID", description = "the bench's folder under -o (default: bench-<date>-<time>)")
    String benchId;

    @Override
    public Integer call() {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("QUESTION is empty; give the question to answer");
        }
        if (rounds < 1 || threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)
                || threads.stream().distinct().count() != threads.size()) {
            throw new InvalidInputException("--rounds must be at least 1 and --threads distinct positive numbers,"
                    + " e.g. --threads 1,8 --rounds 3; got --threads " + threads + " --rounds " + rounds);
        }
        QuestionRunner runner = options.runner(parent.services());
        String id = benchId != null ? benchId
                : "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = options.output.resolve(id);
        PrintWriter err = spec.commandLine().getErr();
        MindSearchSettings base = runner.settings();
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int t : threads) {
                QuestionRunner here = runner.with(base.withExecution(t, base.nodeTimeout(), base.requestTimeout()))
                        .writingTo(folder);
                String runId = "r" + round + "-j" + t;
                long start = System.nanoTime();
                QuestionRunner.Outcome outcome = here.run(runId, question, (type, fields) -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                BenchRun run = run(round, t, seconds, outcome);
                runs.add(run);
                err.println(String.format(Locale.ROOT, "round %d, -j %d: %.2f s, %s, %d node(s), %d in one turn, %d"
                        + " document(s) surfaced", round, t, seconds, run.complete() ? "answered" : "NOT answered ("
                        + outcome.result().problem() + ")", run.nodes(), run.widestTurn(), run.documentsSurfaced()));
                err.flush();
            }
        }
        List<BenchSummary> summary = BenchSummary.of(threads, runs);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("question", question);
        json.put("model", runner.model());
        json.put("backend", runner.backendId());
        json.put("threads", threads);
        json.put("rounds", rounds);
        json.put("summary", summary);
        json.put("runs", runs);
        EvalRunner.write(folder.resolve("bench.json"), json);
        PrintWriter out = spec.commandLine().getOut();
        out.print(BenchSummary.table(summary));
        out.println("runs and summary: " + folder.resolve("bench.json"));
        out.flush();
        return runs.stream().allMatch(BenchRun::complete) ? 0 : 1;
    }

    private static BenchRun run(int round, int threads, double seconds, QuestionRunner.Outcome outcome) {
        PlannerResult result = outcome.result();
        Map<String, Double> metrics = RunMetrics.of(result);
        int widest = result.graph().searchers().stream().collect(Collectors.groupingBy(GraphNode::turn,
                Collectors.counting())).values().stream().mapToInt(Long::intValue).max().orElse(0);
        return new BenchRun(round, threads, seconds, result.complete(), result.turns(),
                metrics.get("nodes").intValue(), widest, metrics.get("documentsSurfaced").intValue(),
                outcome.folder().toString());
    }
}
