package dev.polis.core.records;

import java.io.Serial;
import dev.polis.api.InvalidInputException;

/** Says that another process writes the run folder a command wanted to write, naming it (exit status 2). */
public final class RunFolderLockedException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message that names the folder, the holder and what to do. */
    public RunFolderLockedException(String message) {
        super(message);
    }
}
