package dev.polis.openai.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the message of a Polis validation error, which names a record field ({@code messages[2].toolCallId},
 * {@code toolChoice}, {@code tools[1].name}), into a wire-format error naming the JSON field
 * ({@code messages[2].tool_call_id}, {@code tool_choice}, {@code tools[1].function.name}).
 */
final class WireFields {

    private static final Pattern FIELD = Pattern.compile(
            "^(messages\\[\\d+]\\.toolCallId|toolChoice|tools\\[\\d+]\\.name|responseFormat(\\.\\w+)?):");

    private WireFields() {
    }

    static WireFormatException translate(String message) {
        Matcher matcher = FIELD.matcher(message == null ? "" : message);
        if (!matcher.find()) {
            return new WireFormatException(message, null);
        }
        String field = matcher.group(1);
        String wire = field.replace(".toolCallId", ".tool_call_id").replace("toolChoice", "tool_choice")
                .replaceAll("^tools\\[(\\d+)]\\.name", "tools[$1].function.name")
                .replace("responseFormat", "response_format");
        return new WireFormatException(wire + message.substring(field.length()), wire);
    }
}
