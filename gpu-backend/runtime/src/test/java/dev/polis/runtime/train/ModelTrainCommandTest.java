package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polis model train} on the command line, then {@code polis generate} on its result. */
class ModelTrainCommandTest {

    @TempDir
    Path temp;

    @Test
    void trainsResumesAndTheResultGenerates() {
        TinyRun tiny = new TinyRun(temp);
        String out = temp.resolve("models/tiny-trained").toString();
        String[] common = {"--arch", tiny.arch.toString(), "--corpus", tiny.corpus.toString(), "--steps", "8",
            "--batch", "2", "--seq-len", "32", "--lr", "1e-2", "--save-every", "4", "--eval-every", "4",
            "--log-every", "2", "--heldout-fraction", "0.3", "--out", out};
        Run first = run(TestHost.modelCommand().newCommand(), concat(new String[] {"train"}, common,
                "--stop-at", "4", "--window-starts", "documents"));
        assertThat(first.exitCode).as(first.err + first.failure).isZero();
        assertThat(first.out).contains("step 4/8").contains("tok/s").contains("checkpoints/step-0000004")
                .contains("windows start at document starts");
        Run second = run(TestHost.modelCommand().newCommand(),
                new String[] {"train", "--out", out, "--resume"});
        assertThat(second.exitCode).as(second.err + second.failure).isZero();
        assertThat(second.out).contains("resumed from").contains("step 8/8").contains("trained steps 4..8")
                .contains("windows start at document starts");
        assertThat(Path.of(out, "heldout-prompts.jsonl")).exists();
        Run generated = run(TestHost.generateCommand().newCommand(),
                new String[] {"--model", out + "/final", "--prompt", "the quick brown ", "--max-tokens", "24"});
        assertThat(generated.exitCode).as(generated.err).isZero();
        assertThat(generated.out).isNotBlank();
        assertThat(generated.err).contains("generated");
    }

    @Test
    void aMissingCorpusIsReportedClearly() {
        TinyRun tiny = new TinyRun(temp);
        Run run = run(TestHost.modelCommand().newCommand(), new String[] {"train", "--arch", tiny.arch.toString(),
            "--corpus", temp.resolve("absent").toString(), "--steps", "2", "--seq-len", "32", "--out",
            temp.resolve("m").toString()});
        assertThat(run.failure).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absent").hasMessageContaining("does not exist");
        Run none = run(TestHost.modelCommand().newCommand(), new String[] {"train", "--arch", tiny.arch.toString(),
            "--steps", "2", "--seq-len", "32", "--out", temp.resolve("n").toString()});
        assertThat(none.failure).isInstanceOf(InvalidInputException.class).hasMessageContaining("no corpus given");
        Run starts = run(TestHost.modelCommand().newCommand(), new String[] {"train", "--arch", tiny.arch.toString(),
            "--corpus", tiny.corpus.toString(), "--window-starts", "sentences", "--out", temp.resolve("w").toString()});
        assertThat(starts.failure).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--window-starts must be one of [anywhere, documents] but was 'sentences'");
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        String[] all = new String[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }

    private static Run run(Object command, String[] args) {
        Run run = new Run();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            run.failure = e;
            return 2;
        });
        run.exitCode = line.execute(args);
        run.out = out.toString();
        run.err = err.toString();
        return run;
    }

    private static final class Run {
        int exitCode;
        String out;
        String err;
        Exception failure;
    }
}
