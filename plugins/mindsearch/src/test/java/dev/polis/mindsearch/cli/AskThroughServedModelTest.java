package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.mindsearch.fixture.MultiHopScript;
import dev.polis.mindsearch.fixture.Polis;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-hop question with the model behind a real OpenAI-compatible server on loopback (the openai plugin's, as
 * {@code polis serve} runs it): every planner and searcher call crosses HTTP through the {@code openai:} provider,
 * concurrently for the searchers, and the cited answer is the one the in-process run gives.
 */
@Timeout(120)
class AskThroughServedModelTest {

    @TempDir
    Path dir;

    @Test
    void aTwoHopQuestionIsAnsweredWithTheModelServedOverHttp() throws Exception {
        Polis polis = new Polis();
        Path index = dir.resolve("index");
        assertThat(polis.run("index", MultiHopAskTest.CORPUS.toString(), "-o", index.toString())).isZero();
        ScriptedChatModel scripted = ScriptedChatModel.builder().modelName("mindsearch-scripted")
                .answer(MultiHopScript::answer).build();
        try (ChatCompletionsServer server = ChatCompletionsServer.start(scripted, "mindsearch-scripted",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS.withShutdownGrace(Duration.ofSeconds(2)))) {
            int status = polis.run("mindsearch", "ask", MultiHopScript.QUESTION, "--index", index.toString(),
                    "--model", "openai:" + server.baseUrl() + "#mindsearch-scripted", "--date", "2026-01-01",
                    "-o", dir.resolve("runs").toString(), "--run-id", "served");

            assertThat(status).as(polis.both()).isZero();
        }
        assertThat(polis.out()).contains("The designer of the Zephyr telescope was born in Kellmouth [[1]], and the"
                + " river Osk flows through Kellmouth [[2]].", "[2] Kellmouth - local://corpus/places/kellmouth.html");
        List<JsonNode> calls = Polis.lines(dir.resolve("runs/served/calls.jsonl"));
        assertThat(calls).hasSize(10);
        assertThat(calls).allSatisfy(c -> assertThat(c.path("spec").asText()).startsWith("openai:http://127.0.0.1:"));
        assertThat(scripted.callCount()).isEqualTo(10);
    }
}
