package dev.polis.core.records;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of lines that holds whole lines or nothing: each {@link #append} is one write of complete
 * lines, cut back to where it started when the write fails (a full disk, a file size limit), and opening a file
 * cuts a torn last line (one without its newline, left by a killed process, even one cut inside a UTF-8 character)
 * and reports it, naming the file.
 *
 * <p>Not thread-safe; its users serialize appends. The file is written through {@link RandomAccessFile}, whose reads
 * and writes an interrupt does not abort: a {@link java.nio.channels.FileChannel} is closed for good when a thread
 * writing to it is interrupted (a time-out cancelling a task), and every later append of the run would then fail.
 */
public final class LineFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineFile.class);

    private final Path file;
    private final RandomAccessFile channel;

    private LineFile(Path file, RandomAccessFile channel) {
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
            RandomAccessFile channel = new RandomAccessFile(file.toFile(), "rw");
            if (truncate) {
                channel.setLength(0);
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
        try (RandomAccessFile channel = new RandomAccessFile(file.toFile(), "rw")) {
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
                try (RandomAccessFile channel = new RandomAccessFile(file.toFile(), "rw")) {
                    channel.setLength(length);
                    channel.getFD().sync();
                }
                LOG.warn("{}: cut {} bytes after the last checkpoint ({}); the run resumes from it", file,
                        size - length, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut " + file + " back to its checkpoint: " + e.getMessage(), e);
        }
    }

    private static long cutTornTail(Path file, RandomAccessFile channel) throws IOException {
        long size = channel.length();
        long end = size;
        byte[] buffer = new byte[8192];
        while (end > 0) {
            long start = Math.max(0, end - buffer.length);
            channel.seek(start);
            channel.readFully(buffer, 0, (int) (end - start));
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    return cut(file, channel, size, start + i + 1);
                }
            }
            end = start;
        }
        return cut(file, channel, size, 0);
    }

    private static long cut(Path file, RandomAccessFile channel, long size, long keep) throws IOException {
        if (keep == size) {
            return 0;
        }
        channel.setLength(keep);
        channel.getFD().sync();
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
            before = channel.length();
            channel.seek(before);
            if (CrashPoints.hit("append to " + file.getFileName() + ", half written")) {
                channel.write(lines, 0, Math.max(1, lines.length / 2));
                CrashPoints.die();
            }
            channel.write(lines);
        } catch (IOException e) {
            if (before >= 0) {
                try {
                    channel.setLength(before);
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
            channel.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file + " to disk: " + e.getMessage(), e);
        }
    }

    /** Returns the file's length in bytes. */
    public long size() {
        try {
            return channel.length();
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
