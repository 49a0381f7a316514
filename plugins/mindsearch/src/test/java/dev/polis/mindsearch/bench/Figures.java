package dev.polis.mindsearch.bench;

import static dev.polis.mindsearch.fixture.MultiHopScript.code;

import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchRequest;
import dev.polis.api.run.RunContext;
import dev.polis.mindsearch.fixture.FunctionModel;
import dev.polis.mindsearch.fixture.Harness;
import dev.polis.mindsearch.fixture.MemoryBackend;
import dev.polis.mindsearch.lucene.IndexMeta;
import dev.polis.mindsearch.lucene.LuceneBackendProvider;
import dev.polis.mindsearch.lucene.LuceneIndexer;
import dev.polis.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Prints the figures docs/mindsearch.md quotes (not a test; speed is measured here, not asserted): indexing and BM25
 * search over a generated corpus, and one planner turn of 8 nodes run in parallel against sequentially with a
 * simulated model latency. Usage: {@code java -cp <test class path> dev.polis.mindsearch.bench.Figures <docs> <ms>}.
 */
public final class Figures {

    private Figures() {
    }

    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("mindsearch-figures");
        Random random = new Random(42);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("w" + Integer.toString(i, 36));
        }
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        long bytes = 0;
        for (int d = 0; d < docs; d++) {
            StringBuilder text = new StringBuilder("# Document " + d + "\n\n");
            for (int p = 0; p < 6; p++) {
                for (int w = 0; w < 80; w++) {
                    text.append(words.get((int) Math.abs(random.nextGaussian() * 800) % words.size())).append(' ');
                }
                text.append(".\n\n");
            }
            Files.writeString(corpus.resolve("doc" + d + ".md"), text);
            bytes += text.length();
        }
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long start = System.nanoTime();
            IndexMeta meta = LuceneIndexer.build(corpus, dir.resolve("index" + round), 200);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "index round %d: %d docs (%.1f MB), %d passages in %.2f s = %.0f docs/s%n",
                    round, meta.documents(), bytes / 1e6, meta.passages(), seconds, meta.documents() / seconds);
        }
        try (SearchBackend backend = new LuceneBackendProvider().open(new SearchBackendContext(
                TestSettings.of("index", dir.resolve("index1").toString()), RunContext.detached(0)))) {
            for (int round = 0; round < 2; round++) {
                int n = 500;
                long start = System.nanoTime();
                for (int q = 0; q < n; q++) {
                    backend.search(new SearchRequest(List.of(words.get(random.nextInt(300)) + " "
                            + words.get(random.nextInt(300)), words.get(random.nextInt(1000))), 6));
                }
                System.out.printf(Locale.ROOT, "search round %d: %d requests of 2 queries, %.2f ms each%n", round, n,
                        (System.nanoTime() - start) / 1e6 / n);
            }
        }
        for (int threads : new int[] {1, 8, 1, 8}) {
            FunctionModel model = FunctionModel.text(r -> {
                if (!Harness.planner(r)) {
                    sleep(latencyMs);
                    return Harness.turn(r) == 1 ? "<|action_start|><|plugin|>{\"name\": \"search\", \"parameters\":"
                            + " {\"query\": [\"apple\"]}}" : "answer [[0]]";
                }
                if (Harness.finalAnswer(r)) {
                    return "done";
                }
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    lines.add("graph.add_node('n" + i + "', 'question " + i + "')");
                }
                return Harness.turn(r) == 1 ? code("", lines.toArray(String[]::new)) : code("", "graph.add_response_node()");
            });
            long start = System.nanoTime();
            new Harness().solve(model, new MemoryBackend().add("a", "A", "apple"),
                    Harness.settings().withExecution(threads, Duration.ofSeconds(60), Duration.ofSeconds(600)), "Q");
            System.out.printf(Locale.ROOT, "one turn of 8 nodes x 2 searcher calls of %d ms, %d searcher thread(s):"
                    + " %.0f ms%n", latencyMs, threads, (System.nanoTime() - start) / 1e6);
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
