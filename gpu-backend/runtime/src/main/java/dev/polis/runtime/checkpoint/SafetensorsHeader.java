package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * Reads and checks the header of a safetensors file: the 8-byte length, the JSON table of tensors, and that
 * every tensor's byte range matches its shape and lies inside the file.
 */
final class SafetensorsHeader {

    /** Headers larger than this are refused; real ones are a few hundred kilobytes. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsHeader() {
    }

    /** The parsed header: tensors by name (in file order) and where the data section starts. */
    record Parsed(Map<String, TensorInfo> tensors, long dataStart, Map<String, String> metadata) {
    }

    static Parsed read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw bad(file, "is truncated: it has " + size + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw bad(file, "has a header length of " + headerLength + " bytes but the file holds only "
                    + (size - 8) + " bytes after the length field (truncated or not a safetensors file)");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8);
        JsonNode root;
        try {
            root = JSON.readTree(headerBytes.array());
        } catch (IOException e) {
            throw bad(file, "has a header that is not valid JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "has a header that is not a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataSize = size - dataStart;
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("__metadata__")) {
                entry.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            TensorInfo info = tensor(file, entry.getKey(), entry.getValue());
            if (info.end() > dataSize) {
                throw bad(file, "is truncated: tensor '" + info.name() + "' ends at data byte " + info.end()
                        + " but the data section has only " + dataSize + " bytes");
            }
            tensors.put(info.name(), info);
        }
        return new Parsed(Map.copyOf(tensors), dataStart, Map.copyOf(metadata));
    }

    private static TensorInfo tensor(Path file, String name, JsonNode node) {
        String where = "tensor '" + name + "'";
        String dtypeName = node.path("dtype").asText("");
        TensorDType dtype = TensorDType.fromSafetensors(dtypeName).orElseThrow(() -> bad(file, where
                + " has dtype '" + dtypeName + "'; this runtime reads F32, F16 and BF16"));
        JsonNode shapeNode = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw bad(file, where + " needs a 'shape' array and a two-element 'data_offsets' array");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw bad(file, where + " has a negative or non-numeric dimension in shape " + shapeNode);
            }
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin) {
            throw bad(file, where + " has data_offsets " + offsets + "; they must be 0 <= begin <= end");
        }
        TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
        long expected = Math.multiplyExact(info.elementCount(), dtype.bytes());
        if (expected != info.byteLength()) {
            throw bad(file, "has a header that does not match its data: " + where + " is " + dtypeName + " "
                    + info.shapeText() + ", which is " + expected + " bytes, but its data_offsets span "
                    + info.byteLength() + " bytes");
        }
        return info;
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
    }

    static InvalidInputException bad(Path file, String problem) {
        return new InvalidInputException(file + " " + problem);
    }
}
