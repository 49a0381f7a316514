package dev.polis.core.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per run folder: the lock file {@value #FILE_NAME} holds the writer's pid and host, and an operating
 * system lock on it that dies with the process. A second writer is refused with a message naming the holder; the
 * lock file of a process that died on this host is taken over and reported.
 */
public final class FolderLock implements AutoCloseable {

    /** The lock file's name in a run folder. */
    public static final String FILE_NAME = ".polis.lock";

    private static final Logger LOG = LoggerFactory.getLogger(FolderLock.class);
    private static final Pattern HOLDER = Pattern.compile("pid=(\\d+)\\s+host=(\\S+)");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder}, creating the folder when missing.
     *
     * @throws RunFolderLockedException naming the holder when another live process holds it
     */
    public static FolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process already writes the folder
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw refused(folder, file, holder, "it is being written");
            }
            Matcher m = HOLDER.matcher(holder);
            boolean known = m.find();
            if (known && !m.group(2).equals(host())) {
                lock.release();
                channel.close();
                throw refused(folder, file, holder, "a process on another host may still write it");
            }
            if (known && Long.parseLong(m.group(1)) != ProcessHandle.current().pid()) {
                LOG.warn("{}: took over the lock of pid {} on {}, which is no longer running", folder, m.group(1),
                        m.group(2));
            }
            byte[] mine = ("pid=" + ProcessHandle.current().pid() + " host=" + host() + " since="
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(mine), 0);
            channel.force(true);
            return new FolderLock(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the run folder " + folder + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    private static RunFolderLockedException refused(Path folder, Path file, String holder, String why) {
        Matcher m = HOLDER.matcher(holder);
        String who = m.find() ? "process " + m.group(1) + " on host " + m.group(2) : "another process";
        return new RunFolderLockedException("the run folder " + folder + " is locked by " + who + " (" + file
                + "): " + why + ". Wait for that command to end, or write to another folder with -o; if that process"
                + " is gone, delete " + file + ".");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(4096, channel.size()));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Returns this machine's host name, as written in lock files. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Empties the lock file and releases the lock. Closing twice does nothing. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file + ": " + e.getMessage(), e);
        }
    }
}
