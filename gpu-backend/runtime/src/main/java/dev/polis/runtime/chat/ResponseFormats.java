package dev.polis.runtime.chat;

import java.util.HashSet;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.api.inference.TokenConstraint;
import dev.polis.runtime.decode.json.JsonConstraint;
import dev.polis.runtime.decode.json.Node;
import dev.polis.runtime.decode.json.SchemaCompiler;

/**
 * Turns a request's response format into the token constraint that enforces it on a local model: none for text,
 * any JSON object for {@code json_object}, the schema's grammar for {@code json_schema}.
 */
final class ResponseFormats {

    private ResponseFormats() {
    }

    /**
     * Returns the constraint for {@code format} on {@code model}, or {@code null} for free text.
     *
     * @throws InvalidInputException naming the schema path of an unsupported feature, or when the model's tokenizer
     *                               is not byte-level BPE
     */
    static TokenConstraint constraint(LocalModel model, ResponseFormat format) {
        if (format == null || format.type() == ResponseFormat.Type.TEXT) {
            return null;
        }
        Node root = format.type() == ResponseFormat.Type.JSON_OBJECT ? SchemaCompiler.anyObject()
                : SchemaCompiler.compile(format.schema(), "responseFormat.schema");
        Set<Integer> stops = new HashSet<>(model.specialTokens().eosIds());
        stops.addAll(model.lm().stopTokens());
        return new JsonConstraint(root, model.tokenBytes(), model.lm().vocabularySize(), stops);
    }
}
