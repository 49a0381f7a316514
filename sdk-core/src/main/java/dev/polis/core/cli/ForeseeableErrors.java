package dev.polis.core.cli;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Failures a user can foresee and fix that reach the command line as plain Java exceptions (a path that is a file,
 * a folder that cannot be written, a port in use, a host name that does not resolve): each becomes one paragraph
 * naming what is wrong and how to fix it, for exit status 2.
 */
final class ForeseeableErrors {

    private ForeseeableErrors() {
    }

    /** Returns the message for {@code ex} or one of its causes when it is a foreseeable failure. */
    static Optional<String> describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> message = one(t);
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> one(Throwable t) {
        if (t instanceof FileAlreadyExistsException e) {
            return Optional.of(e.getFile() + " is a file where a folder is needed; choose a folder path (for -o,"
                    + " a folder that does not exist yet or one that does), or move the file away");
        }
        if (t instanceof NotDirectoryException e) {
            return Optional.of(e.getFile() + " is not a folder; choose a folder path (for -o, a folder that does"
                    + " not exist yet or one that does)");
        }
        if (t instanceof AccessDeniedException e) {
            return Optional.of("permission denied: " + e.getFile() + "; choose a path you may write to (for -o, a"
                    + " folder of your own) or change its permissions");
        }
        if (t instanceof NoSuchFileException e) {
            return Optional.of("file not found: " + e.getFile() + " (check the path; relative paths are resolved"
                    + " against the current folder" + (e.getReason() == null ? "" : "; " + e.getReason()) + ")");
        }
        if (t instanceof FileSystemException e && e.getReason() != null
                && (e.getReason().contains("Read-only") || e.getReason().contains("No space")
                || e.getReason().contains("too large"))) {
            return Optional.of("cannot write " + e.getFile() + ": " + e.getReason() + "; choose another folder or"
                    + " free space, then run the same command again (finished records are kept)");
        }
        if (t instanceof BindException e) {
            return Optional.of("cannot listen: " + e.getMessage() + "; another process may already use that port:"
                    + " choose another with --port, or stop that process");
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return Optional.of("unknown host" + (t.getMessage() == null ? "" : " '" + t.getMessage() + "'")
                    + "; give an address of this machine, such as 127.0.0.1 or 0.0.0.0, or a name that resolves");
        }
        return Optional.empty();
    }
}
