package dev.polis.openai.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.openai.wire.WireJson;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code polis serve} reads numbers as 64-bit values checked against OpenAI's ranges before narrowing them, and
 * types strictly: a value out of range or of the wrong type is a 400 in OpenAI's error shape naming the field, never
 * a wrapped-around number or a coerced flag; over real HTTP on loopback.
 */
class StrictRequestFieldsTest {

    private static final String HELLO = "{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScriptedChatModel model = ScriptedChatModel.always("fine");
    private ChatCompletionsServer server;

    @BeforeEach
    void start() {
        server = ChatCompletionsServer.start(model, "tiny", new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> post(String extraFields) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(HELLO + extraFields + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void refused(String extraFields, String param, String message) throws Exception {
        HttpResponse<String> response = post(extraFields);
        assertThat(response.statusCode()).as(extraFields).isEqualTo(400);
        JsonNode error = WireJson.MAPPER.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).as(extraFields).isEqualTo(param);
        assertThat(error.path("message").asText()).as(extraFields).contains(message);
    }

    @Test
    void integersBeyondTheirRangeAreRefusedNotWrappedAround() throws Exception {
        refused(",\"max_tokens\":4294967297", "max_tokens",
                "'max_tokens' must be an integer from 1 to 2147483647 but was 4294967297");
        refused(",\"max_tokens\":1000000000000", "max_tokens", "but was 1000000000000");
        refused(",\"max_completion_tokens\":0", "max_completion_tokens", "from 1 to 2147483647 but was 0");
        refused(",\"seed\":18446744073709551616", "seed", "but was 18446744073709551616");
        refused(",\"max_tokens\":2.5", "max_tokens", "must be an integer");
        assertThat(model.callCount()).as("no refused request reached the model").isZero();
    }

    @Test
    void numbersOutsideOpenAisRangesAreRefused() throws Exception {
        refused(",\"temperature\":2.5", "temperature", "'temperature' must be a number from 0 to 2 but was 2.5");
        refused(",\"top_p\":1.5", "top_p", "'top_p' must be a number from 0 to 1");
        refused(",\"temperature\":\"hot\"", "temperature", "must be a number");
    }

    @Test
    void streamMustBeABooleanAndStopStrings() throws Exception {
        refused(",\"stream\":\"yes\"", "stream", "'stream' must be true or false but was \"yes\"");
        refused(",\"stream\":1", "stream", "must be true or false");
        refused(",\"stop\":[\"a\",7]", "stop", "'stop' must be a string or an array of strings");
    }

    @Test
    void valuesAtTheEdgesOfTheirRangesAreAnswered() throws Exception {
        HttpResponse<String> response = post(",\"max_tokens\":2147483647,\"seed\":-9223372036854775808,"
                + "\"temperature\":2,\"top_p\":1,\"stream\":false,\"stop\":[\"x\"]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(model.requests().getLast().settings().maxTokens()).isEqualTo(Integer.MAX_VALUE);
        assertThat(model.requests().getLast().settings().seed()).isEqualTo(Long.MIN_VALUE);
    }
}
