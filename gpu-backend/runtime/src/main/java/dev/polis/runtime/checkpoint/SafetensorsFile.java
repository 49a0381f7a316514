package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.polis.api.InvalidInputException;

/**
 * A safetensors file read through memory maps: the header is parsed once, the data section is mapped in
 * splits of at most {@link #DEFAULT_SPLIT_BYTES} (each holding whole tensors), and a tensor is handed out as a
 * read-only little-endian view of its mapped bytes. Nothing is copied into the Java heap, so files larger than
 * 2 GiB and larger than the heap can be read.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** The largest split mapped at once: one {@link ByteBuffer} can address at most 2 GiB. */
    public static final long DEFAULT_SPLIT_BYTES = Integer.MAX_VALUE - 8L;

    private final Path file;
    private final FileChannel channel;
    private final SafetensorsHeader.Parsed header;
    private final List<Split> splits;

    private record Split(long begin, long end, MappedByteBuffer buffer) {
        boolean holds(TensorInfo t) {
            return t.begin() >= begin && t.end() <= end;
        }
    }

    private SafetensorsFile(Path file, FileChannel channel, SafetensorsHeader.Parsed header, long splitBytes)
            throws IOException {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.splits = mapSplits(splitBytes);
    }

    /** Opens {@code file} with the default split size. */
    public static SafetensorsFile open(Path file) {
        return open(file, DEFAULT_SPLIT_BYTES);
    }

    /**
     * Opens {@code file}, mapping its data in splits of at most {@code splitBytes} (a tensor larger than that gets a
     * split of its own, up to 2 GiB).
     *
     * @throws InvalidInputException when the file is missing, truncated, or its header is wrong; the message names
     *                               the file and the problem
     */
    public static SafetensorsFile open(Path file, long splitBytes) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            SafetensorsHeader.Parsed header = SafetensorsHeader.read(file, channel);
            return new SafetensorsFile(file, channel, header, splitBytes);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist; a checkpoint needs its safetensors weights there");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private List<Split> mapSplits(long splitBytes) throws IOException {
        List<TensorInfo> ordered = new ArrayList<>(header.tensors().values());
        ordered.sort(Comparator.comparingLong(TensorInfo::begin));
        List<Split> result = new ArrayList<>();
        long begin = -1;
        long end = -1;
        for (TensorInfo t : ordered) {
            if (t.byteLength() > DEFAULT_SPLIT_BYTES) {
                throw SafetensorsHeader.bad(file, "holds tensor '" + t.name() + "' of " + t.byteLength()
                        + " bytes; tensors up to 2 GiB are supported (shard the checkpoint more finely)");
            }
            if (begin < 0) {
                begin = t.begin();
                end = t.end();
            } else if (Math.max(end, t.end()) - begin <= splitBytes) {
                end = Math.max(end, t.end());
            } else {
                result.add(map(begin, end));
                begin = t.begin();
                end = t.end();
            }
        }
        if (begin >= 0) {
            result.add(map(begin, end));
        }
        return List.copyOf(result);
    }

    private Split map(long begin, long end) throws IOException {
        MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, header.dataStart() + begin, end - begin);
        return new Split(begin, end, buffer);
    }

    /** Returns the file this reads. */
    public Path path() {
        return file;
    }

    /** Returns every tensor's description, by name. */
    public Map<String, TensorInfo> tensors() {
        return header.tensors();
    }

    /** Returns the {@code __metadata__} entries of the header. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** Returns the description of tensor {@code name}, if the file has it. */
    public Optional<TensorInfo> find(String name) {
        return Optional.ofNullable(header.tensors().get(name));
    }

    /** Returns how many memory maps the data section uses. */
    public int splitCount() {
        return splits.size();
    }

    /** Returns the size of the largest memory map, in bytes. */
    public long largestSplitBytes() {
        return splits.stream().mapToLong(s -> s.end() - s.begin()).max().orElse(0);
    }

    /**
     * Returns tensor {@code name}'s bytes as a read-only, little-endian, direct view into the mapped file.
     *
     * @throws InvalidInputException when the file has no such tensor
     */
    public ByteBuffer bytes(String name) {
        TensorInfo t = find(name).orElseThrow(() -> SafetensorsHeader.bad(file, "has no tensor '" + name + "'"));
        return bytes(t);
    }

    /** Returns the bytes of a tensor of this file, as {@link #bytes(String)} does. */
    public ByteBuffer bytes(TensorInfo t) {
        for (Split s : splits) {
            if (s.holds(t)) {
                return s.buffer().slice((int) (t.begin() - s.begin()), (int) t.byteLength())
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new IllegalStateException("tensor " + t.name() + " lies in no mapped split of " + file);
    }

    /** Reads tensor {@code name} widened to floats, element by element; for tests and small tensors only. */
    public float[] readFloats(String name) {
        TensorInfo t = find(name).orElseThrow(() -> SafetensorsHeader.bad(file, "has no tensor '" + name + "'"));
        ByteBuffer b = bytes(t);
        float[] out = new float[Math.toIntExact(t.elementCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.dtype().read(b, i);
        }
        return out;
    }

    /** Closes the channel; mapped views stay valid until they are collected. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do: the file was only read
            }
        }
    }
}
