package dev.polis.govsim.agent.llm.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ResponseFormat;

/**
 * The constrained form of a group-chat turn ({@code choices: constrained}): the JSON schema the answer is held to
 * and the reading of the answer back as JSON only.
 *
 * <p>The original generates the line freely and then selects the conclusion from {yes, no} and the next speaker from
 * all participants' names (the speaker included). One JSON object does the same in one call: {@code message} is a
 * free string, {@code conversationOver} is {@code "yes"} or {@code "no"}, {@code nextSpeaker} one of the participants,
 * in that order. The message's {@code maxLength} leaves room for the rest of the object within the call's token
 * limit (every token is at least one character), so a constrained answer always closes.
 *
 * <p>An answer that is not such an object (a server that ignored the format, a cut answer) is read as the original
 * reads a failed selection: the conclusion is the configured default, no next speaker, and the message is the
 * answer's {@code message} string when one can be read, else empty; {@link ParsedTurn#conclusionRead()} is then false.
 */
public final class StructuredTurn {

    /** The name of the response format, as recorded in {@code calls.jsonl}. */
    public static final String FORMAT_NAME = "turn";

    /** The key of the chat line. */
    public static final String MESSAGE = "message";

    /** The key of the conclusion, {@code "yes"} or {@code "no"}. */
    public static final String OVER = "conversationOver";

    /** The key of the next speaker. */
    public static final String NEXT = "nextSpeaker";

    /** The shortest message limit a schema carries, however small the token limit. */
    static final int MIN_MESSAGE_CHARS = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredTurn() {
    }

    /**
     * Returns the response format of a turn among {@code participants} whose answer may take {@code maxTokens}
     * tokens.
     */
    public static ResponseFormat format(List<String> participants, int maxTokens) {
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a chat turn needs at least one participant");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(MESSAGE, Map.of("type", "string", "maxLength", messageChars(participants, maxTokens)));
        properties.put(OVER, Map.of("enum", List.of("yes", "no")));
        properties.put(NEXT, Map.of("enum", List.copyOf(participants)));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(MESSAGE, OVER, NEXT));
        schema.put("additionalProperties", false);
        return ResponseFormat.jsonSchema(FORMAT_NAME, schema, true);
    }

    /**
     * Returns the longest message that leaves room, within {@code maxTokens} one-character tokens, for the rest of the
     * object with the longest name and some whitespace; never below {@value #MIN_MESSAGE_CHARS}.
     */
    static int messageChars(List<String> participants, int maxTokens) {
        int longest = participants.stream().mapToInt(String::length).max().orElse(0);
        String skeleton = "{\"" + MESSAGE + "\": \"\", \"" + OVER + "\": \"yes\", \"" + NEXT + "\": \"\"}";
        int room = maxTokens - skeleton.length() - longest - 16;
        return Math.max(MIN_MESSAGE_CHARS, room);
    }

    /** Reads a constrained answer given the chat's participants; never throws. */
    public static ParsedTurn parse(String answer, List<String> participants, boolean concludeWhenUnclear) {
        String text = answer == null ? "" : answer;
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            return new ParsedTurn("", concludeWhenUnclear, false, Optional.empty(), text);
        }
        String message = tree.path(MESSAGE).isTextual() ? TurnParser.stripQuotes(tree.get(MESSAGE).asText().strip()) : "";
        String over = tree.path(OVER).asText("");
        boolean read = "yes".equals(over) || "no".equals(over);
        String next = tree.path(NEXT).asText("");
        Optional<String> speaker = participants.contains(next) ? Optional.of(next) : Optional.empty();
        return new ParsedTurn(message, read ? "yes".equals(over) : concludeWhenUnclear, read, speaker, text);
    }
}
