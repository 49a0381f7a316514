package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Checks how each kind of failure becomes a message and an exit status. */
class CliErrorHandlerTest {

    /** A command that throws whatever the test gives it. */
    @Command(name = "boom")
    static final class Throwing implements Callable<Integer> {
        private final Exception failure;

        Throwing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(Exception failure, boolean verbose) {
        CliErrorHandler handler = new CliErrorHandler(verbose);
        return new CommandLine(new Throwing(failure))
                .setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true))
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .execute();
    }

    @Test
    void invalidInputPrintsOnlyItsMessage() {
        int code = run(new InvalidInputException("agents[2].model: unknown provider 'opnai' (known: local)"), false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualToIgnoringNewLines(
                "polis: agents[2].model: unknown provider 'opnai' (known: local)");
    }

    @Test
    void invalidInputWithVerboseAddsTheStackTrace() {
        int code = run(new InvalidInputException("bad value"), true);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("polis: bad value").contains("\tat ");
    }

    @Test
    void invalidInputWrappedInAnotherExceptionIsStillAnInputError() {
        int code = run(new PolisException("plugin x failed", new InvalidInputException("seed: must be >= 0")), false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("polis: seed: must be >= 0");
    }

    @Test
    void missingFileIsAnInputError() {
        int code = run(new NoSuchFileException("runs/r1/calls.jsonl"), false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("polis: file not found: runs/r1/calls.jsonl").doesNotContain("\tat ");
    }

    @Test
    void aFileWhereAFolderIsNeededIsAnInputErrorNamingThePathAndTheFix() {
        int code = run(new UncheckedIOException(new FileAlreadyExistsException("out/runs")), false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("polis: out/runs is a file where a folder is needed; choose a folder path")
                .doesNotContain("Exception");
    }

    @Test
    void aFolderThatCannotBeWrittenIsAnInputErrorNamingIt() {
        int code = run(new IllegalStateException("cannot write", new AccessDeniedException("/srv/out")), false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("polis: permission denied: /srv/out; choose a path you may write to");
    }

    @Test
    void aPortInUseAndAnUnknownHostAreInputErrorsSayingWhatToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BindException inUse = assertThrows(BindException.class,
                    () -> new ServerSocket(taken.getLocalPort(), 1, InetAddress.getLoopbackAddress()).close());
            assertThat(run(inUse, false)).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(err.toString()).contains("polis: cannot listen: ", "choose another with --port");

        assertThat(run(new UnknownHostException("no-such-host.invalid"), false)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("polis: unknown host 'no-such-host.invalid'; give an address");
    }

    @Test
    void anyOtherExceptionIsAnUnexpectedErrorWithAHint() {
        int code = run(new IllegalStateException("queue drained"), false);

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualToIgnoringNewLines("polis: unexpected error: "
                + "IllegalStateException: queue drained (run with --verbose for the stack trace)");
    }

    @Test
    void anyOtherExceptionWithVerbosePrintsTheStackTrace() {
        int code = run(new IllegalStateException("queue drained"), true);

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("unexpected error", "\tat ").doesNotContain("run with --verbose");
    }
}
