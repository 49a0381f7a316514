package dev.polis.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run folder: a second is refused naming the holder; a dead holder's lock is taken over. */
class FolderLockTest {

    @TempDir
    Path run;

    private static long self() {
        return ProcessHandle.current().pid();
    }

    @Test
    void theLockFileNamesItsHolderAndASecondWriterIsRefusedWithThatName() throws Exception {
        try (FolderLock held = FolderLock.acquire(run)) {
            assertThat(Files.readString(run.resolve(FolderLock.FILE_NAME)))
                    .startsWith("pid=" + self() + " host=" + FolderLock.host() + " since=");

            assertThatThrownBy(() -> FolderLock.acquire(run)).isInstanceOf(RunFolderLockedException.class)
                    .hasMessageContaining("locked by process " + self() + " on host " + FolderLock.host())
                    .hasMessageContaining("write to another folder with -o");
        }
    }

    @Test
    void aReleasedLockLetsTheNextWriterIn() {
        FolderLock.acquire(run).close();

        try (FolderLock again = FolderLock.acquire(run)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void theLockOfAProcessThatDiedOnThisHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(run.resolve(FolderLock.FILE_NAME), "pid=" + gone.pid() + " host=" + FolderLock.host()
                + " since=2026-01-01T00:00:00Z\n");

        try (FolderLock taken = FolderLock.acquire(run)) {
            assertThat(Files.readString(run.resolve(FolderLock.FILE_NAME))).startsWith("pid=" + self() + " ");
        }
    }

    @Test
    void aLockWrittenOnAnotherHostIsRefusedAndTheMessageSaysHowToClearIt() throws Exception {
        Files.writeString(run.resolve(FolderLock.FILE_NAME), "pid=4242 host=elsewhere.example since=x\n");

        assertThatThrownBy(() -> FolderLock.acquire(run)).isInstanceOf(RunFolderLockedException.class)
                .hasMessageContaining("process 4242 on host elsewhere.example")
                .hasMessageContaining("delete " + run.resolve(FolderLock.FILE_NAME));
    }
}
