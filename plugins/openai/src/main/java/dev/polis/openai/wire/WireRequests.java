package dev.polis.openai.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.chat.Role;
import dev.polis.api.chat.ToolCall;

/**
 * Writes a {@link ChatRequest} as a chat-completions request body, and reads one back.
 *
 * <p>Roles on the wire: {@code system}, {@code user} and {@code assistant} map one to one; {@code developer}
 * messages are sent as {@code system} unless the caller asks for {@code developer} (many local servers only
 * know the first three roles); {@code tool} messages, which in Polis carry tool output, web pages and other
 * agents' words without a tool call id, are sent as {@code user}; tool results (with a call id) are sent as
 * {@code tool} messages with their {@code tool_call_id}, and assistant messages carry their {@code tool_calls}.
 * Privilege and source stay in Polis records; a received tool result takes as source the name of the tool
 * whose call it answers. Tools, tool choice and response format: {@link WireTools}.
 */
public final class WireRequests {

    private WireRequests() {
    }

    /**
     * Returns the body asking {@code model} to answer {@code request}.
     *
     * @param developerRole the wire role for developer messages, {@code system} or {@code developer}
     * @param streamUsage   whether a stream should end with a usage chunk ({@code stream_options.include_usage})
     */
    public static ObjectNode toJson(ChatRequest request, String model, boolean stream, boolean streamUsage,
                                    String developerRole) {
        ObjectNode body = WireJson.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            ObjectNode node = messages.addObject();
            if (message.isToolResult()) {
                node.put("role", "tool").put("tool_call_id", message.toolCallId()).put("content", message.content());
            } else if (message.callsTools()) {
                node.put("role", "assistant");
                if (message.content().isEmpty()) {
                    node.putNull("content");
                } else {
                    node.put("content", message.content());
                }
                node.set("tool_calls", WireToolCalls.toJson(message.toolCalls()));
            } else {
                node.put("role", wireRole(message.role(), developerRole)).put("content", message.content());
            }
        }
        WireTools.write(request, body);
        GenerationSettings s = request.settings();
        if (s.temperature() != null) {
            body.put("temperature", s.temperature());
        }
        if (s.topP() != null) {
            body.put("top_p", s.topP());
        }
        if (s.topK() != null) {
            body.put("top_k", s.topK());
        }
        if (s.maxTokens() != null) {
            body.put("max_tokens", s.maxTokens());
        }
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().forEach(stop::add);
        }
        if (s.seed() != null) {
            body.put("seed", s.seed());
        }
        body.put("stream", stream);
        if (stream && streamUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static String wireRole(Role role, String developerRole) {
        return switch (role) {
            case DEVELOPER -> developerRole;
            case TOOL -> "user";
            default -> role.wireName();
        };
    }

    /**
     * Reads a request body received by a server.
     *
     * @throws WireFormatException when a required field is missing or a field has the wrong type or range
     */
    public static WireRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WireFormatException("the request body must be a JSON object", null);
        }
        String model = text(body, "model", true);
        JsonNode messagesNode = body.get("messages");
        if (messagesNode == null || !messagesNode.isArray() || messagesNode.isEmpty()) {
            throw new WireFormatException("'messages' must be a non-empty array of {role, content} objects",
                    "messages");
        }
        List<Message> messages = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (int i = 0; i < messagesNode.size(); i++) {
            Message message = message(messagesNode.get(i), i, callNames);
            message.toolCalls().forEach(call -> callNames.put(call.id(), call.name()));
            messages.add(message);
        }
        GenerationSettings settings;
        try {
            settings = new GenerationSettings(WireNumbers.number(body, "temperature", 0, 2),
                    WireNumbers.number(body, "top_p", 0, 1), narrow(WireNumbers.integer(body, "top_k", 1,
                    Integer.MAX_VALUE)), maxTokens(body), stop(body),
                    WireNumbers.integer(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), null);
        }
        boolean stream = WireNumbers.flag(body, "stream", false);
        WireTools.checkParallelToolCalls(body);
        try {
            return new WireRequest(model, new ChatRequest(messages, settings, null, WireTools.tools(body),
                    WireTools.toolChoice(body), WireTools.responseFormat(body)), stream);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw WireFields.translate(e.getMessage());
        }
    }

    /** Reads one message; a tool result without a {@code name} takes the name of the tool its call called. */
    private static Message message(JsonNode node, int index, Map<String, String> callNames) {
        String where = "messages[" + index + "]";
        if (!node.isObject()) {
            throw new WireFormatException(where + " must be an object with role and content", where);
        }
        String roleName = node.path("role").asText("");
        Role role = switch (roleName.toLowerCase(Locale.ROOT)) {
            case "system" -> Role.SYSTEM;
            case "developer" -> Role.DEVELOPER;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw new WireFormatException(where + ".role: unknown role '" + roleName
                    + "' (known: system, developer, user, assistant, tool)", where + ".role");
        };
        JsonNode content = node.get("content");
        String text;
        if (content == null || content.isNull()) {
            text = "";
        } else if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder joined = new StringBuilder();
            content.forEach(part -> joined.append(part.path("text").asText("")));
            text = joined.toString();
        } else {
            throw new WireFormatException(where + ".content must be a string or an array of text parts",
                    where + ".content");
        }
        String source = node.path("name").asText("");
        if (role == Role.TOOL) {
            String callId = node.path("tool_call_id").asText("");
            if (callId.isEmpty()) {
                throw new WireFormatException(where + ".tool_call_id: a tool message needs the id of the tool call"
                        + " it answers", where + ".tool_call_id");
            }
            return new Message(Role.TOOL, text, Privilege.TOOL, source.isEmpty() ? callNames.getOrDefault(callId, "")
                    : source, List.of(), callId);
        }
        List<ToolCall> calls = WireToolCalls.fromJson(node.get("tool_calls"), where + ".tool_calls");
        if (!calls.isEmpty() && role != Role.ASSISTANT) {
            throw new WireFormatException(where + ".tool_calls: only assistant messages call tools",
                    where + ".tool_calls");
        }
        return new Message(role, text, role.defaultPrivilege(), source, calls, "");
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new WireFormatException("missing required field '" + field + "'", field);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new WireFormatException("'" + field + "' must be a string", field);
        }
        return node.asText();
    }

    private static Integer narrow(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static Integer maxTokens(JsonNode body) {
        Long completion = WireNumbers.integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        return narrow(completion != null ? completion : WireNumbers.integer(body, "max_tokens", 1,
                Integer.MAX_VALUE));
    }

    private static List<String> stop(JsonNode body) {
        JsonNode node = body.get("stop");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> stops = new ArrayList<>();
            for (JsonNode each : node) {
                if (!each.isTextual()) {
                    throw new WireFormatException("'stop' must be a string or an array of strings but held " + each,
                            "stop");
                }
                stops.add(each.asText());
            }
            return stops;
        }
        throw new WireFormatException("'stop' must be a string or an array of strings", "stop");
    }
}
