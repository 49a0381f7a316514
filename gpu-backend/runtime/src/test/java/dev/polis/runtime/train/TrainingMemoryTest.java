package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.model.Rope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training steps, with and without layer dropout, leave the number of managed native arrays unchanged. */
class TrainingMemoryTest {

    @TempDir
    Path temp;

    @Test
    void stepsDoNotGrowNativeMemory() {
        TinyRun tiny = new TinyRun(temp);
        Path folder = temp.resolve("init");
        CheckpointInitializer.write(ArchitectureSpec.read(tiny.arch), tiny.arch, folder);
        ModelConfig config = ConfigReader.read(folder.resolve("config.json"));
        TrainingOptions options = tiny.options(100);
        Engine engine = PyTorchEngine.get();
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            TrainableWeights weights = TrainableWeights.load(config, folder, manager);
            TrainingForward forward = new TrainingForward(config, weights.weights(),
                    new Rope(config, options.seqLen(), manager));
            AdamW adam = new AdamW(weights.parameters(), manager, 0.9, 0.95, 1e-8, 0.1);
            Corpus corpus = Corpus.of(CorpusSource.read(List.of(tiny.corpus.toString()), 1 << 20), 257, 1, 0.2, 66,
                    33);
            RecipePlan plan = new FixedRecipe("skip", new double[] {0, 0.3, 0.6}, new double[] {0.2, 0.3, 0.5})
                    .plan(null);
            TrainingLoop loop = new TrainingLoop(engine, manager, forward, adam, plan, "skip", config.layers(),
                    options, new BatchSampler(corpus, options.batch(), options.seqLen(), 1, WindowStarts.ANYWHERE),
                    new PrintWriter(new StringWriter()));
            BatchSampler sampler = new BatchSampler(corpus, options.batch(), options.seqLen(), 1, WindowStarts.ANYWHERE);
            for (int step = 0; step < 3; step++) {
                loop.step(step, sampler.training(step), 1e-3);
            }
            int arrays = manager.getManagedArrays().size();
            for (int step = 3; step < 15; step++) {
                loop.step(step, sampler.training(step), 1e-3);
            }
            assertThat(manager.getManagedArrays()).hasSize(arrays);
        }
    }
}
