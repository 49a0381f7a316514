package dev.polis.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-style error: {@code {"error": {"message", "type", "param", "code"}}} with its HTTP status.
 *
 * @param status  the HTTP status
 * @param message what went wrong and, where possible, what would be right
 * @param type    {@code invalid_request_error}, {@code server_error}, ...
 * @param code    a short machine-readable code ({@code invalid_json}, {@code not_found}, ...)
 * @param param   the request field at fault, or {@code null}
 */
public record ApiError(int status, String message, String type, String code, String param) {

    /** Returns a 400 error about the request. */
    public static ApiError invalidRequest(String message, String code, String param) {
        return new ApiError(400, message, "invalid_request_error", code, param);
    }

    /** Returns the JSON body. */
    public ObjectNode toJson() {
        ObjectNode body = WireJson.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        error.put("code", code);
        return body;
    }

    /** Returns the message of an error body, or {@code null} when {@code body} is not one. */
    public static String messageOf(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        String message = error.path("message").asText("");
        return message.isEmpty() ? error.toString() : message;
    }
}
