package dev.polis.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;

/**
 * A call answered by one of several servers is recorded in {@code calls.jsonl} with that server's base URL and read
 * back with it; a one-server model's line carries no endpoint field, as before the field existed.
 */
class ResponseEndpointRecordTest {

    private static CallRecord call(ChatResponse response) {
        return new CallRecord(1, "openai:http://a/v1,http://b/v1#m", null, "2026-12-05T00:00:00Z", 5, null, false,
                ChatRequest.of(Message.user("hi")), response, null);
    }

    @Test
    void theServerThatAnsweredIsWrittenAndReadBack() throws Exception {
        ChatResponse answer = new ChatResponse("ok", FinishReason.STOP, Usage.NONE, "m").withEndpoint("http://b/v1");

        String line = CallJson.write(call(answer));

        assertThat(line).contains("\"endpoint\":\"http://b/v1\"");
        assertThat(CallJson.read(line).response()).isEqualTo(answer);
    }

    @Test
    void anAnswerFromTheOnlyServerIsWrittenWithoutAnEndpoint() throws Exception {
        ChatResponse answer = new ChatResponse("ok", FinishReason.STOP, Usage.NONE, "m");

        String line = CallJson.write(call(answer));

        assertThat(line).doesNotContain("endpoint");
        assertThat(CallJson.read(line).response().endpoint()).isEmpty();
    }
}
