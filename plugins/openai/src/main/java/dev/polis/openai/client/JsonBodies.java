package dev.polis.openai.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireJson;

/** Parses the JSON a server answered, turning bad JSON and error bodies into failed attempts. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** Parses {@code text}; {@code what} says what it is when it is not JSON ("a streamed event is not JSON"). */
    static JsonNode parse(String text, String what) throws AttemptFailure {
        try {
            return WireJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AttemptFailure(what + " (" + e.getOriginalMessage() + "); it starts: " + Texts.excerpt(text, 120),
                    false, null, e);
        }
    }

    /** Reads the rest of a successful response as one JSON body that is not an OpenAI-style error. */
    static JsonNode read(ResponseLines lines, Duration idle) throws AttemptFailure, InterruptedException,
            TimeoutException, IOException {
        JsonNode body = parse(lines.rest(idle), "the server answered with a body that is not JSON");
        String error = ApiError.messageOf(body);
        if (error != null) {
            throw new AttemptFailure("the server answered with an error: " + error, false, null, null);
        }
        return body;
    }
}
