package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.core.Polis;
import dev.polis.core.host.HostRunFolders;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.mindsearch.fixture.HoldingModelProvider;
import dev.polis.mindsearch.lucene.LuceneIndexer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code polis mindsearch serve} when the client goes away mid-request: a real HTTP client posts a question, reads
 * until the planner's three nodes are announced while their searchers are inside the model, and closes its
 * connection; the server notices (its pings fail), the planner stops waiting, the nodes fail as cancelled, the run
 * records {@code mindsearch.cancelled}, and the model, which counts its calls, is never called again.
 */
@Timeout(120)
class ClientGoneTest {

    @TempDir
    Path dir;

    private final Polis polis = Polis.open();
    private ServeCommand serve;
    private CompletableFuture<Integer> exit;

    @AfterEach
    void stop() throws Exception {
        HoldingModelProvider.release.countDown();
        if (serve != null) {
            serve.stop();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        }
        polis.close();
    }

    private URI start() throws Exception {
        Path index = dir.resolve("index");
        LuceneIndexer.build(MultiHopAskTest.CORPUS, index, 200);
        HostServices services = new HostServices(polis.models(), new HostRunFolders(), polis.extensions(),
                new HostSettingsFactory(Map.of()));
        CommandLine cli = new CommandLine(new MindSearchCommand(services));
        serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", "0", "--index", index.toString(),
                "--model", "mshold:three", "--date", "2026-01-01", "-o", dir.resolve("runs").toString()));
        for (int i = 0; i < 200 && serve.server() == null && !exit.isDone(); i++) {
            Thread.sleep(50);
        }
        assertThat(serve.server()).as("the server started").isNotNull();
        return URI.create(serve.server().solveUrl());
    }

    private Path runFolder() throws Exception {
        try (var folders = Files.list(dir.resolve("runs"))) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Waits (at most a minute) until the run's events hold one of {@code type}. */
    private List<JsonNode> awaitEvent(String type) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(dir.resolve("runs")) && Files.exists(runFolder().resolve("events.jsonl"))) {
                List<JsonNode> found = dev.polis.mindsearch.fixture.Polis.events(runFolder(), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    @Test
    void aClientThatGoesAwayCancelsThePlannerAndItsSearchersAndNoModelCallFollows() throws Exception {
        HoldingModelProvider.reset();
        URI solve = start();

        try (Socket client = new Socket(solve.getHost(), solve.getPort())) {
            byte[] body = "{\"inputs\": \"Tell me about Kellmouth, Ada Varn and the Zephyr telescope.\"}"
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("POST /solve HTTP/1.1\r\nHost: " + solve.getAuthority() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("\"current_node\":\"c\"")) {
                // read the stream until the third node is announced
            }
            assertThat(line).as("the third node's frame").isNotNull();
            assertThat(HoldingModelProvider.arrived.await(60, TimeUnit.SECONDS)).as("all three searchers are in the model")
                    .isTrue();
        }

        List<JsonNode> cancelled = awaitEvent("mindsearch.cancelled");
        assertThat(cancelled).as("the run records its cancellation").hasSize(1);
        assertThat(cancelled.getFirst().path("reason").asText()).isEqualTo("the client went away");
        HoldingModelProvider.release.countDown();
        for (Thread searcher : HoldingModelProvider.SEARCHER_THREADS) {
            searcher.join(60_000);
            assertThat(searcher.isAlive()).as("%s ended", searcher.getName()).isFalse();
        }

        assertThat(HoldingModelProvider.PLANNER_CALLS.get()).as("planner calls").isEqualTo(1);
        assertThat(HoldingModelProvider.SEARCHER_CALLS.get()).as("searcher calls: the three under way, no more")
                .isEqualTo(3);
        Path run = runFolder();
        assertThat(dev.polis.mindsearch.fixture.Polis.events(run, "mindsearch.node.done"))
                .extracting(e -> e.path("node").asText() + " " + e.path("status").asText() + " " + e.path("error").asText())
                .containsExactlyInAnyOrder("a failed the request was cancelled: the client went away",
                        "b failed the request was cancelled: the client went away",
                        "c failed the request was cancelled: the client went away");
        assertThat(dev.polis.mindsearch.fixture.Polis.events(run, "mindsearch.planner.turn")).hasSize(1);
        assertThat(dev.polis.mindsearch.fixture.Polis.events(run, "mindsearch.error").getFirst().path("error").asText())
                .isEqualTo("the request was cancelled: the client went away");
        String status = "";
        for (int i = 0; i < 600 && !status.contains("the client went away"); i++) {
            Thread.sleep(100);
            status = Files.exists(run.resolve("run.json")) ? Files.readString(run.resolve("run.json")) : "";
        }
        assertThat(status).as("run.json once the request ended").containsIgnoringCase("failed")
                .contains("the request was cancelled: the client went away");
    }
}
