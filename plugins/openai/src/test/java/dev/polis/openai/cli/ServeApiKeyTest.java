package dev.polis.openai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.host.Models;
import dev.polis.openai.TestModels;
import dev.polis.openai.wire.WireJson;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code polis serve} with an API key from the environment: requests without it or with a wrong one get 401 in
 * OpenAI's error shape, the right one is answered, and the key appears in no output and no record; a non-loopback
 * host without a key is refused unless the server is explicitly meant to be open. Over real HTTP on loopback.
 */
@Timeout(60)
class ServeApiKeyTest {

    private static final String KEY = "sk-polis-test-0123456789abcdef";
    private static final String HELLO = "{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScriptedChatModel model = ScriptedChatModel.always("served answer");

    private Models models() {
        return TestModels.over(new ChatModelProvider() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public ChatModel create(ModelRequest request) {
                return model;
            }
        });
    }

    private HttpResponse<String> post(ServeCommand command, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(command.server().baseUrl()
                + "/chat/completions")).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(HELLO));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyRequestsWithTheKeyAreAnsweredAndTheKeyIsNeverWrittenAnywhere() throws Exception {
        ServeCommand command = new ServeCommand(models(), Map.of("POLIS_SERVE_API_KEY", KEY)::get);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        Path folder = dir.resolve("served");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--port", "0", "--record", folder.toString()));
        ServeCommandTest.awaitServer(command);
        try {
            for (String wrong : new String[] {null, "Bearer", "Bearer sk-polis-test-0123456789abcdeF",
                "Basic " + KEY, KEY}) {
                HttpResponse<String> refused = post(command, wrong);
                assertThat(refused.statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
                JsonNode error = WireJson.MAPPER.readTree(refused.body()).path("error");
                assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
                assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
                assertThat(refused.body()).doesNotContain(KEY);
            }
            assertThat(model.callCount()).as("no refused request reached the model").isZero();

            HttpResponse<String> answered = post(command, "Bearer " + KEY);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("served answer");
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("API key required (from POLIS_SERVE_API_KEY)").doesNotContain(KEY);
        assertThat(err.toString()).doesNotContain(KEY);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
            }
        }
    }

    @Test
    void aNetworkAddressWithoutAKeyIsRefusedUnlessOpenOnPurpose() {
        ServeCommand command = new ServeCommand(models(), name -> null);
        new CommandLine(command).parseArgs("--model", "scripted:demo#tiny", "--host", "0.0.0.0", "--port", "0");

        assertThatThrownBy(command::call)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--host 0.0.0.0 serves the model beyond this machine, and no API key is set")
                .hasMessageContaining("POLIS_SERVE_API_KEY").hasMessageContaining("--allow-unauthenticated");
        assertThat(command.server()).as("nothing listened").isNull();
    }

    @Test
    void aNetworkAddressOpenOnPurposeServesWithoutAKey() throws Exception {
        ServeCommand command = new ServeCommand(models(), name -> null);
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--model",
                "scripted:demo#tiny", "--host", "0.0.0.0", "--port", "0", "--allow-unauthenticated"));
        ServeCommandTest.awaitServer(command);
        try {
            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + command.server().port() + "/v1/chat/completions")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).isEqualTo(200);
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
}
