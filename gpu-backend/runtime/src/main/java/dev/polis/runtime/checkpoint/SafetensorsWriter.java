package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes safetensors files tensor by tensor, converting float values to each tensor's element type. */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1 << 16;

    /**
     * One tensor to write.
     *
     * @param name    tensor name
     * @param dtype   element type in the file
     * @param shape   dimensions
     * @param content its values
     */
    public record Entry(String name, TensorDType dtype, long[] shape, TensorContent content) {

        /** Returns the element count. */
        public long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    private SafetensorsWriter() {
    }

    /** Writes {@code entries} (in order) and {@code metadata} to {@code file}, replacing it. */
    public static void write(Path file, List<Entry> entries, Map<String, String> metadata) {
        byte[] header = header(entries, metadata);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(out, length);
            writeFully(out, ByteBuffer.wrap(header));
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
            float[] chunk = new float[CHUNK];
            for (Entry e : entries) {
                long count = e.elementCount();
                for (long first = 0; first < count; first += CHUNK) {
                    int n = (int) Math.min(CHUNK, count - first);
                    float[] values = n == CHUNK ? chunk : new float[n];
                    e.content().fill(values, first);
                    buffer.clear();
                    for (float v : values) {
                        encode(buffer, e.dtype(), v);
                    }
                    writeFully(out, buffer.flip());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private static void encode(ByteBuffer buffer, TensorDType dtype, float v) {
        switch (dtype) {
            case F32 -> buffer.putFloat(v);
            case F16 -> buffer.putShort(Float.floatToFloat16(v));
            case BF16 -> buffer.putShort((short) TensorDType.bf16Bits(v));
        }
    }

    private static byte[] header(List<Entry> entries, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            new LinkedHashMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Entry e : entries) {
            long bytes = e.elementCount() * e.dtype().bytes();
            ObjectNode t = root.putObject(e.name());
            t.put("dtype", e.dtype().safetensorsName());
            var shape = t.putArray("shape");
            for (long d : e.shape()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        StringBuilder text = new StringBuilder(root.toString());
        while ((text.length() + 8) % 8 != 0) {
            text.append(' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
