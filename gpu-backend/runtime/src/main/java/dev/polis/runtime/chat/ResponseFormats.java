package dev.polis.runtime.chat;

import java.util.HashSet;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.inference.TokenConstraint;
import dev.polis.runtime.decode.json.JsonConstraint;
import dev.polis.runtime.decode.json.Node;
import dev.polis.runtime.decode.json.SchemaCompiler;

/**
 * Turns a request's response format (or forced tool choice) into the token constraint that enforces it on a local
 * model: none for text, any JSON object for {@code json_object}, the schema's grammar for {@code json_schema}, the
 * call object's grammar for a tool choice of {@code required} or a named tool ({@link ForcedToolCall}).
 */
final class ResponseFormats {

    private ResponseFormats() {
    }

    /**
     * Returns the constraint for {@code request}'s forced tool call or response format on {@code model}, or
     * {@code null} for free text.
     *
     * @throws InvalidInputException naming the schema path of an unsupported feature, or when the model's tokenizer
     *                               is not byte-level BPE
     */
    static TokenConstraint constraint(LocalModel model, ChatRequest request) {
        if (ForcedToolCall.forced(request)) {
            return constraint(model, ForcedToolCall.grammar(request, model.chatTemplate().source()));
        }
        ResponseFormat format = request.responseFormat();
        if (format == null || format.type() == ResponseFormat.Type.TEXT) {
            return null;
        }
        return constraint(model, format.type() == ResponseFormat.Type.JSON_OBJECT ? SchemaCompiler.anyObject()
                : SchemaCompiler.compile(format.schema(), "responseFormat.schema"));
    }

    private static TokenConstraint constraint(LocalModel model, Node root) {
        Set<Integer> stops = new HashSet<>(model.specialTokens().eosIds());
        stops.addAll(model.lm().stopTokens());
        return new JsonConstraint(root, model.tokenBytes(), model.lm().vocabularySize(), stops);
    }
}
