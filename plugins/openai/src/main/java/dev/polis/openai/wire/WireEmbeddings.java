package dev.polis.openai.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingResponse;

/**
 * Writes and reads the bodies of OpenAI's {@code /embeddings} endpoint: the request
 * ({@code {"model", "input": [texts]}}) and the answer ({@code {"data": [{"index", "embedding"}], "model",
 * "usage": {"prompt_tokens"}}}).
 *
 * <p>Vectors travel as arrays of numbers, or, when a client asks for {@code encoding_format: base64} (the
 * official Python client does by default), as base64 of little-endian 32-bit floats; both are read.
 */
public final class WireEmbeddings {

    private WireEmbeddings() {
    }

    /** Returns the body asking {@code model} to embed {@code texts}. */
    public static ObjectNode toJson(List<String> texts, String model) {
        ObjectNode body = WireJson.object();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        return body;
    }

    /**
     * Reads an answer, putting the vectors in the order of their {@code index} (the order of the texts); an
     * entry without an index keeps its position.
     *
     * @param expected      how many texts were sent
     * @param fallbackModel the model name to use when the body names none
     * @throws WireFormatException when {@code data} is missing, has another number of entries than texts sent,
     *                             repeats or skips an index, or holds a vector that is empty, not numbers, or of
     *                             another dimension than the others
     */
    public static EmbeddingResponse parseResponse(JsonNode body, int expected, String fallbackModel) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw new WireFormatException("the body has no 'data' array", "data");
        }
        if (data.size() != expected) {
            throw new WireFormatException("the body has " + data.size() + " embeddings for " + expected + " texts",
                    "data");
        }
        Embedding[] ordered = new Embedding[expected];
        int dimensions = -1;
        for (int i = 0; i < expected; i++) {
            String where = "data[" + i + "]";
            JsonNode entry = data.get(i);
            int index = index(entry.get("index"), i, expected, where);
            if (ordered[index] != null) {
                throw new WireFormatException(where + ".index " + index + " appears twice", where + ".index");
            }
            ordered[index] = new Embedding(vector(entry.get("embedding"), where + ".embedding"));
            if (dimensions >= 0 && ordered[index].dimensions() != dimensions) {
                throw new WireFormatException(where + ".embedding has " + ordered[index].dimensions()
                        + " dimensions, the others " + dimensions, where + ".embedding");
            }
            dimensions = ordered[index].dimensions();
        }
        JsonNode model = body.get("model");
        int tokens = Math.max(0, body.path("usage").path("prompt_tokens").asInt(0));
        return new EmbeddingResponse(List.of(ordered), tokens,
                model == null || model.isNull() || model.asText().isBlank() ? fallbackModel : model.asText());
    }

    /**
     * Reads a request body received by a server; {@code input} may be one string or an array of strings.
     *
     * @throws WireFormatException when a required field is missing or a field has the wrong type or value
     */
    public static WireEmbeddingRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WireFormatException("the request body must be a JSON object", null);
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw new WireFormatException("missing required field 'model'", "model");
        }
        if (!model.isTextual()) {
            throw new WireFormatException("'model' must be a string", "model");
        }
        JsonNode dimensions = body.get("dimensions");
        if (dimensions != null && !dimensions.isNull()) {
            throw new WireFormatException("'dimensions' is not supported: this server returns the model's own "
                    + "vectors; leave it out", "dimensions");
        }
        return new WireEmbeddingRequest(model.asText(), texts(body.get("input")), base64(body.get("encoding_format")));
    }

    /** Returns the body answering {@code response} under the name {@code model}. */
    public static ObjectNode response(EmbeddingResponse response, String model, boolean base64) {
        ObjectNode body = WireJson.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        List<Embedding> embeddings = response.embeddings();
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode entry = data.addObject().put("object", "embedding").put("index", i);
            float[] vector = embeddings.get(i).vector();
            if (base64) {
                entry.put("embedding", encode(vector));
            } else {
                ArrayNode numbers = entry.putArray("embedding");
                for (float component : vector) {
                    numbers.add(component);
                }
            }
        }
        body.put("model", model);
        body.putObject("usage").put("prompt_tokens", response.inputTokens()).put("total_tokens",
                response.inputTokens());
        return body;
    }

    private static List<String> texts(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new WireFormatException("missing required field 'input'", "input");
        }
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray() || input.isEmpty()) {
            throw new WireFormatException("'input' must be a string or a non-empty array of strings", "input");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (!input.get(i).isTextual()) {
                throw new WireFormatException("input[" + i + "] must be a string (token arrays are not supported; "
                        + "send the texts)", "input");
            }
            texts.add(input.get(i).asText());
        }
        return texts;
    }

    private static boolean base64(JsonNode format) {
        if (format == null || format.isNull() || format.asText().equals("float")) {
            return false;
        }
        if (format.asText().equals("base64")) {
            return true;
        }
        throw new WireFormatException("'encoding_format' must be float or base64 but was " + format,
                "encoding_format");
    }

    private static float[] vector(JsonNode node, String where) {
        if (node != null && node.isTextual()) {
            return decode(node.asText(), where);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new WireFormatException(where + " must be a non-empty array of numbers", where);
        }
        float[] vector = new float[node.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new WireFormatException(where + "[" + i + "] is " + node.get(i) + ", not a number", where);
            }
            vector[i] = node.get(i).floatValue();
        }
        return vector;
    }

    private static int index(JsonNode node, int position, int expected, String where) {
        if (node == null || node.isNull()) {
            return position;
        }
        if (!node.isIntegralNumber() || node.asInt() < 0 || node.asInt() >= expected) {
            throw new WireFormatException(where + ".index is " + node + ", not an index between 0 and "
                    + (expected - 1), where + ".index");
        }
        return node.asInt();
    }

    private static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(where + " is a string but not base64: " + e.getMessage(), where);
        }
        if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
            throw new WireFormatException(where + " holds " + bytes.length + " bytes, not a whole number of "
                    + "32-bit floats", where);
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
