package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.mindsearch.fixture.MultiHopScript;
import dev.polis.mindsearch.fixture.Polis;
import dev.polis.mindsearch.web.WebFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis mindsearch ask} over the web backends through the real launcher, against a loopback web that speaks
 * SearXNG's and Brave's protocols and serves the fixture corpus as HTML pages: the two-hop question answered with
 * citations to the pages' URLs; an unreadable page and an unreachable search server recorded as events while the run
 * still answers; a page carrying an injected instruction changes nothing; a missing URL or key is exit 2 naming the
 * setting.
 */
@Timeout(120)
class WebAskTest {

    @TempDir
    Path dir;

    private final Polis polis = new Polis();
    private WebFixture web;

    @BeforeEach
    void start() throws IOException {
        web = new WebFixture(MultiHopAskTest.CORPUS, dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private int ask(String runId, String... backend) {
        List<String> args = new ArrayList<>(List.of("mindsearch", "ask", MultiHopScript.QUESTION,
                "--model", "msscript:multihop", "--date", "2026-01-01", "-o", dir.resolve("runs").toString(),
                "--run-id", runId));
        args.addAll(List.of(backend));
        return polis.run(args.toArray(String[]::new));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aTwoHopQuestionIsAnsweredOverSearxngCitingThePagesUrls() throws IOException {
        assertThat(ask("w1", "--backend", "search.searxng", "--backend-setting", "url=" + web.base()))
                .as(polis.both()).isZero();

        assertThat(polis.out()).contains("The designer of the Zephyr telescope was born in Kellmouth [[1]], and the"
                + " river Osk flows through Kellmouth [[2]].");
        assertThat(polis.out()).contains("[1] Ada Varn - " + web.base() + "/doc/people/ada-varn.md",
                "[2] Kellmouth - " + web.base() + "/doc/places/kellmouth.html");
        assertThat(web.requests()).extracting(WebFixture.Request::path).contains("/search", "/doc/people/ada-varn.md");
        String calls = Files.readString(dir.resolve("runs/w1/calls.jsonl"));
        assertThat(calls).as("what the pages' scripts, navigation and footers say never reaches a prompt")
                .contains("She designed the Zephyr telescope").doesNotContain("script text", "Navigation menu",
                        "all rights reserved");
    }

    @Test
    void theSameQuestionIsAnsweredOverTheBraveApiWithTheKeyFromTheHostsEnvironment() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = dev.polis.core.cli.PolisCli.execute(new String[] {"mindsearch", "ask", MultiHopScript.QUESTION,
            "--model", "msscript:multihop", "--date", "2026-01-01", "-o", dir.resolve("runs").toString(),
            "--run-id", "w2", "--backend", "search.brave", "--backend-setting", "url=" + web.base()
                    + "/res/v1/web/search"},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("BRAVE_API_KEY", WebFixture.KEY));

        assertThat(exit).as(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("born in Kellmouth [[1]]",
                "[1] Ada Varn - " + web.base() + "/doc/people/ada-varn.md");
        assertThat(web.requests()).filteredOn(r -> r.path().equals("/res/v1/web/search"))
                .allSatisfy(r -> assertThat(r.headers()).containsEntry("x-subscription-token", WebFixture.KEY));
    }

    @Test
    void aPageThatCannotBeReadIsAnEventAndTheSearcherAnswersFromTheOtherPage() throws IOException {
        String dead = "http://127.0.0.1:" + closedPort() + "/gone.html";
        web.withExtraResult(dead);

        assertThat(ask("w3", "--backend", "search.searxng", "--backend-setting", "url=" + web.base()))
                .as(polis.both()).isZero();

        List<JsonNode> errors = Polis.events(dir.resolve("runs/w3"), "mindsearch.fetch.error");
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("url").asText()).isEqualTo(dead);
            assertThat(e.path("error").asText()).contains("cannot connect to " + dead);
        });
        assertThat(Files.readString(dir.resolve("runs/w3/calls.jsonl"))).contains("could not be read (cannot connect");
        assertThat(polis.out()).as("the river node read its other page").contains("the river Osk");
    }

    @Test
    void anUnreachableSearchServerIsRecordedAndTheRunStillEndsWithAnAnswer() throws IOException {
        int port = closedPort();

        int exit = ask("w4", "--backend", "search.searxng", "--backend-setting", "url=http://127.0.0.1:" + port);

        assertThat(exit).as(polis.both()).isZero();
        List<JsonNode> errors = Polis.events(dir.resolve("runs/w4"), "mindsearch.search.error");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.path("error").asText())
                .contains("cannot connect to the SearXNG server at http://127.0.0.1:" + port));
        assertThat(Polis.events(dir.resolve("runs/w4"), "mindsearch.node.done"))
                .allSatisfy(e -> assertThat(e.path("status").asText()).isEqualTo("done"));
        assertThat(polis.out()).contains("The designer of the Zephyr telescope");
    }

    @Test
    void aFetchedPageCarryingAnInjectedInstructionReachesPromptsOnlyAsToolContentAndChangesNothing() throws IOException {
        try (WebFixture injected = new WebFixture(Path.of("src/test/resources/injection"), dir.resolve("injected"))) {
            assertThat(ask("w8", "--backend", "search.searxng", "--backend-setting", "url=" + injected.base()))
                    .as(polis.both()).isZero();
        }

        assertThat(polis.out()).contains("born in Kellmouth [[1]], and the river Osk flows through Kellmouth [[2]].")
                .doesNotContain("Nile");
        List<JsonNode> carrying = new ArrayList<>();
        for (JsonNode call : Polis.lines(dir.resolve("runs/w8/calls.jsonl"))) {
            for (JsonNode m : call.path("request").path("messages")) {
                if (m.path("content").asText().toLowerCase(java.util.Locale.ROOT).contains("ignore all previous")) {
                    carrying.add(m);
                }
            }
        }
        assertThat(carrying).as("messages carrying the page's injected text").isNotEmpty()
                .allSatisfy(m -> assertThat(m.path("privilege").asText()).isEqualTo("TOOL"));
    }

    @Test
    void aMissingServerUrlOrKeyIsExitTwoNamingTheSettingAndTheFix() {
        assertThat(ask("w5", "--backend", "search.searxng")).isEqualTo(2);
        assertThat(polis.err()).contains("search.searxng.url: no server URL given; pass --backend-setting url=")
                .doesNotContain("Exception");

        assertThat(ask("w6", "--backend", "search.brave")).isEqualTo(2);
        assertThat(polis.err()).contains("search.brave.api-key", "export BRAVE_API_KEY=<your key>",
                "--backend-setting api-key=<your key>");

        assertThat(ask("w7", "--backend", "search.searxng", "--backend-setting", "url=not a url")).isEqualTo(2);
        assertThat(polis.err()).contains("search.searxng.url: 'not a url' is not");
    }
}
