package dev.polis.core.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of lines that holds whole lines or nothing: each {@link #append} is one write of complete
 * lines, cut back to where it started when the write fails (a full disk, a file size limit), and opening a file
 * cuts a torn last line (one without its newline, left by a killed process, even one cut inside a UTF-8 character)
 * and reports it, naming the file.
 *
 * <p>Not thread-safe; its users serialize appends.
 */
public final class LineFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineFile.class);

    private final Path file;
    private final FileChannel channel;

    private LineFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file} for appending, creating it and its folder when missing, after cutting a torn last line.
     *
     * @param truncate whether to start the file empty (a new run replacing an earlier attempt)
     * @throws UncheckedIOException naming the file when it cannot be opened
     */
    public static LineFile open(Path file, boolean truncate) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (truncate) {
                channel.truncate(0);
            } else {
                cutTornTail(file, channel);
            }
            return new LineFile(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending: " + e.getMessage(), e);
        }
    }

    /**
     * Cuts a torn last line of {@code file} (the bytes after its last newline) when it has one, reporting it.
     *
     * @return the number of bytes cut
     */
    public static long repair(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return cutTornTail(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Cuts {@code file} back to {@code length} bytes (the records a checkpoint covers), reporting what was cut.
     *
     * @throws IllegalStateException naming the file when it is shorter than {@code length}: records it held are gone
     */
    public static void cutTo(Path file, long length, String why) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (size < length) {
                throw new IllegalStateException(file + " holds " + size + " bytes but its checkpoint covers " + length
                        + ": records were removed from it; restore the file or delete the run folder to start over");
            }
            if (size > length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(length);
                    channel.force(true);
                }
                LOG.warn("{}: cut {} bytes after the last checkpoint ({}); the run resumes from it", file,
                        size - length, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut " + file + " back to its checkpoint: " + e.getMessage(), e);
        }
    }

    private static long cutTornTail(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (end > 0) {
            long start = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read the whole block
            }
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return cut(file, channel, size, start + i + 1);
                }
            }
            end = start;
        }
        return cut(file, channel, size, 0);
    }

    private static long cut(Path file, FileChannel channel, long size, long keep) throws IOException {
        if (keep == size) {
            return 0;
        }
        channel.truncate(keep);
        channel.force(true);
        LOG.warn("{}: cut a torn last line of {} bytes (a write interrupted by a crash or a full disk); the {} bytes"
                + " of whole lines before it are kept", file, size - keep, keep);
        return size - keep;
    }

    /**
     * Appends {@code lines} (complete lines, each ending with a newline) in one write; when the write fails, the
     * file is cut back to where it was, so it never holds part of them.
     *
     * @throws UncheckedIOException naming the file when the write fails
     */
    public void append(byte[] lines) {
        if (lines.length == 0) {
            return;
        }
        long before = -1;
        try {
            before = channel.size();
            ByteBuffer buffer = ByteBuffer.wrap(lines);
            if (CrashPoints.hit("append to " + file.getFileName() + ", half written")) {
                buffer.limit(Math.max(1, lines.length / 2));
                channel.write(buffer, before);
                CrashPoints.die();
            }
            long at = before;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            if (before >= 0) {
                try {
                    channel.truncate(before);
                } catch (IOException ignored) {
                    // the torn tail is cut when the file is next opened
                }
            }
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forces what was appended to the disk (fsync). */
    public void force() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file + " to disk: " + e.getMessage(), e);
        }
    }

    /** Returns the file's length in bytes. */
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
