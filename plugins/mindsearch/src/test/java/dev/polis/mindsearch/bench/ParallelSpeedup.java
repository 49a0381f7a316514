package dev.polis.mindsearch.bench;

import dev.polis.core.cli.PolisCli;
import dev.polis.mindsearch.fixture.WideScript;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The parallel speed-up benchmark of docs/benchmarks.md (not a test): generates a corpus and indexes it with
 * {@code polis index}, serves a {@link WideScript} model (its planner adds {@code nodes} nodes in one turn; every call
 * sleeps {@code delayMs}) through the openai plugin's OpenAI-compatible server on loopback, and runs
 * {@code polis mindsearch bench} against it over HTTP with the {@code openai:} provider. Usage:
 * {@code java -cp <test class path> dev.polis.mindsearch.bench.ParallelSpeedup <docs> <nodes> <delayMs> <rounds> <threads>}.
 */
public final class ParallelSpeedup {

    private ParallelSpeedup() {
    }

    public static void main(String[] args) throws Exception {
        int docs = Integer.parseInt(args[0]);
        int nodes = Integer.parseInt(args[1]);
        int delayMs = Integer.parseInt(args[2]);
        String rounds = args[3];
        String threads = args[4];
        Path dir = Files.createTempDirectory("mindsearch-speedup");
        Random random = new Random(42);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int d = 0; d < docs; d++) {
            StringBuilder text = new StringBuilder("# Document " + d + "\n\n");
            for (int p = 0; p < 4; p++) {
                for (int w = 0; w < 80; w++) {
                    text.append("w").append(Integer.toString((int) Math.abs(random.nextGaussian() * 800) % 5000, 36))
                            .append(' ');
                }
                text.append(".\n\n");
            }
            Files.writeString(corpus.resolve("doc" + d + ".md"), text);
        }
        Path index = dir.resolve("index");
        if (PolisCli.execute(new String[] {"index", corpus.toString(), "-o", index.toString()}, System.out,
                System.err, Map.of()) != 0) {
            throw new IllegalStateException("polis index failed");
        }
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) { // two middling-frequent words per node, different for every node
            queries.add(List.of("w" + Integer.toString(400 + 2 * i, 36), "w" + Integer.toString(401 + 2 * i, 36)));
        }
        ScriptedChatModel model = ScriptedChatModel.builder().modelName("wide")
                .answer(new WideScript(queries, delayMs)::answer).build();
        try (ChatCompletionsServer server = ChatCompletionsServer.start(model, "wide",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS.withShutdownGrace(Duration.ofSeconds(2)))) {
            String[] bench = {"mindsearch", "bench", "Which documents mention each of these topics?", "--index",
                index.toString(), "--model", "openai:" + server.baseUrl() + "#wide", "--threads", threads, "--rounds",
                rounds, "--date", "2026-01-01", "-o", dir.resolve("runs").toString(), "--bench-id", "speedup"};
            System.out.println("polis " + String.join(" ", bench));
            int status = PolisCli.execute(bench, System.out, System.err, Map.of());
            System.out.println("exit " + status + "; model calls served: " + model.callCount());
        }
    }
}
