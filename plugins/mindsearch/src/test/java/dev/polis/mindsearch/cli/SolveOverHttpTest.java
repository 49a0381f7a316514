package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.core.Polis;
import dev.polis.core.host.HostRunFolders;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.mindsearch.fixture.MultiHopScript;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code polis mindsearch serve} over real loopback HTTP: {@code POST /solve} streams the original's envelope in the
 * order the work happens (a turn's node events before the next planner turn), then the answer, {@code final} and
 * {@code done}; request mistakes get a JSON error and a status; a planner that never answers ends with {@code error}.
 */
@Timeout(120)
class SolveOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One server-sent event: its name ({@code null} for an unnamed frame) and its data. */
    record Frame(String name, JsonNode data) { }

    @TempDir
    Path dir;

    private final Polis polis = Polis.open();
    private final HttpClient http = HttpClient.newHttpClient();
    private ServeCommand serve;
    private CompletableFuture<Integer> exit;

    @AfterEach
    void stop() throws Exception {
        if (serve != null) {
            serve.stop();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        }
        polis.close();
    }

    private String start(String model, String... extra) throws Exception {
        Path index = dir.resolve("index");
        dev.polis.mindsearch.lucene.LuceneIndexer.build(MultiHopAskTest.CORPUS, index, 200);
        HostServices services = new HostServices(polis.models(), new HostRunFolders(), polis.extensions(),
                new HostSettingsFactory(Map.of()));
        CommandLine cli = new CommandLine(new MindSearchCommand(services));
        serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        String[] args = Stream.concat(Stream.of("serve", "--port", "0", "--index", index.toString(), "--model", model,
                "--date", "2026-01-01", "-o", dir.resolve("runs").toString()), Stream.of(extra)).toArray(String[]::new);
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        for (int i = 0; i < 200 && serve.server() == null && !exit.isDone(); i++) {
            Thread.sleep(50);
        }
        assertThat(serve.server()).as("the server started").isNotNull();
        return serve.server().solveUrl();
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Frame> frames(String body) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                frames.add(new Frame(name, JSON.readTree(data)));
            }
        }
        return frames;
    }

    private static int indexOf(List<Frame> frames, java.util.function.Predicate<Frame> test) {
        return IntStream.range(0, frames.size()).filter(i -> test.test(frames.get(i))).findFirst().orElse(-1);
    }

    @Test
    void solveStreamsTheOriginalsEnvelopeInOrderThenFinalAndDone() throws Exception {
        String url = start("msscript:multihop");

        HttpResponse<String> response = post(url, JSON.writeValueAsString(Map.of("inputs", MultiHopScript.QUESTION)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        List<Frame> frames = frames(response.body());
        JsonNode first = frames.getFirst().data();
        assertThat(first.path("current_node").isNull()).isTrue();
        assertThat(first.path("response").path("stream_state").asInt()).isEqualTo(7);
        assertThat(first.path("response").path("formatted").path("action").asText()).contains("add_node(node_name=\"inventor\"");
        int lastInventor = -1;
        for (int i = 0; i < frames.size(); i++) {
            if ("inventor".equals(frames.get(i).data().path("current_node").asText(null))) {
                lastInventor = i;
            }
        }
        int turnTwo = indexOf(frames, f -> f.data().path("response").path("formatted").path("action").asText()
                .contains("graph.add_node(\"river\""));
        assertThat(lastInventor).isPositive().isLessThan(turnTwo);
        JsonNode inventorDone = frames.get(lastInventor).data().path("response").path("formatted").path("node")
                .path("inventor").path("response");
        assertThat(inventorDone.path("stream_state").asInt()).isZero();
        assertThat(inventorDone.path("content").asText()).contains("born in Kellmouth");
        assertThat(frames).anySatisfy(f -> assertThat(f.data().path("response").path("formatted").path("node")
                .path("inventor").path("response").path("formatted").path("action").path("name").asText())
                .isEqualTo("WebBrowser.search"));

        int answer = indexOf(frames, f -> f.name() == null && f.data().path("current_node").isNull()
                && f.data().path("response").path("stream_state").asInt() == 0);
        JsonNode answerFrame = frames.get(answer).data().path("response");
        assertThat(answerFrame.path("content").asText()).contains("the river Osk flows through Kellmouth [[2]]");
        assertThat(answerFrame.path("formatted").path("ref2url").path("2").path("url").asText())
                .isEqualTo("local://corpus/places/kellmouth.html");
        JsonNode adjacency = answerFrame.path("formatted").path("adjacency_list");
        assertThat(adjacency.path("root").get(0).path("name").asText()).isEqualTo("inventor");
        assertThat(adjacency.path("inventor").get(0).path("name").asText()).isEqualTo("river");
        assertThat(adjacency.path("inventor").get(0).path("state").asInt()).isEqualTo(3);

        assertThat(frames.subList(answer + 1, frames.size())).extracting(Frame::name).containsExactly("final", "done");
        JsonNode fin = frames.get(answer + 1).data();
        assertThat(fin.path("complete").asBoolean()).isTrue();
        assertThat(fin.path("references").get(0).path("url").asText()).isEqualTo("local://corpus/people/ada-varn.md");
        String run = frames.getLast().data().path("run").asText();
        assertThat(dir.resolve("runs").resolve(run).resolve("events.jsonl")).exists();
        assertThat(Files.readString(dir.resolve("runs").resolve(run).resolve("answer.md"))).contains("[[2]]");
    }

    @Test
    void requestMistakesGetAJsonErrorAndAStatus() throws Exception {
        String url = start("msscript:multihop");

        HttpResponse<String> notAQuestion = post(url, "{\"inputs\": 5}");
        assertThat(notAQuestion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAQuestion.body()).path("error").path("msg").asText()).contains("inputs:");
        assertThat(post(url, "{not json").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(post(url.replace("/solve", "/other"), "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aPlannerThatNeverAnswersEndsWithAnErrorEventThenDone() throws Exception {
        String url = start("msscript:never-answers", "--max-turns", "2");

        List<Frame> frames = frames(post(url, "{\"inputs\": [{\"role\": \"user\", \"content\": \"Where was Ada Varn"
                + " born?\"}], \"session_id\": 7}").body());

        List<String> named = frames.stream().map(Frame::name).filter(java.util.Objects::nonNull).toList();
        assertThat(named).containsExactly("error", "final", "done");
        Frame error = frames.stream().filter(f -> "error".equals(f.name())).findFirst().orElseThrow();
        assertThat(error.data().path("error").path("details").asText()).contains("no final answer");
        assertThat(frames.getLast().data().path("session_id").asLong()).isEqualTo(7);
    }
}
