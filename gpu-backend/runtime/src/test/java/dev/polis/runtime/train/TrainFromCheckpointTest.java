package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.checkpoint.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis model train --init <folder>}: a fresh run starts from the weights of an existing checkpoint (copied
 * byte for byte into {@code init/}, the trainer state of the run that wrote it left behind; the log counts its trainable
 * weights as config.json does), and refuses to be given
 * an architecture as well, or a folder without a checkpoint.
 */
class TrainFromCheckpointTest {

    @TempDir
    Path temp;

    @Test
    void aRunStartsFromTheCheckpointItIsGivenAndCopiesNoTrainerState() throws IOException {
        TinyRun tiny = new TinyRun(temp);
        Path start = Files.createDirectories(temp.resolve("start"));
        CheckpointInitializer.write(ArchitectureSpec.read(tiny.arch), tiny.arch, start);
        Files.writeString(start.resolve(TrainerState.FILE), "{}");
        TrainingResult result = tiny.trainer().train(tiny.out("run"), null, start, tiny.options(2), false,
                Long.MAX_VALUE);
        assertThat(result.step()).isEqualTo(2);
        long expected = ConfigReader.read(start.resolve("config.json")).parameterCount();
        assertThat(tiny.logText.toString()).contains(String.format("trainable weights: %,d parameters", expected));
        Path init = tiny.out("run").resolve("init");
        assertThat(Files.readAllBytes(init.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(start.resolve("model.safetensors")));
        assertThat(init.resolve("config.json")).hasSameTextualContentAs(start.resolve("config.json"));
        assertThat(init.resolve(TrainerState.FILE)).doesNotExist();
    }

    @Test
    void anArchitectureAndAStartingCheckpointTogetherAreRefused() {
        TinyRun tiny = new TinyRun(temp);
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("both"), tiny.arch, temp, tiny.options(1), false,
                Long.MAX_VALUE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--arch and --init exclude each other");
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("empty"), null, temp.resolve("corpus"),
                tiny.options(1), false, Long.MAX_VALUE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--init " + temp.resolve("corpus") + ": no config.json there");
    }
}
