package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded end-to-end runs of the trainer on a tiny model and a tiny repetitive corpus. */
class TrainerTest {

    @TempDir
    Path temp;

    @Test
    void lossDecreasesAndTheResultIsAHuggingFaceCheckpoint() throws Exception {
        TinyRun tiny = new TinyRun(temp);
        TrainingResult result = tiny.trainer().train(tiny.out("run"), tiny.arch, tiny.options(30), false,
                Long.MAX_VALUE);
        List<Double> losses = result.losses();
        assertThat(losses).hasSize(30);
        double first = losses.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(25, 30).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(first).isGreaterThan(4.5);
        assertThat(last).isLessThan(first * 0.6);
        assertThat(result.validationLoss()).isLessThan(first * 0.7);
        Path fin = tiny.out("run").resolve("final");
        assertThat(result.checkpoint()).isEqualTo(fin);
        for (String f : List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                "model.safetensors", TrainerState.FILE, TrainerState.OPTIMIZER)) {
            assertThat(fin.resolve(f)).exists();
        }
        assertThat(TrainerState.read(fin).step()).isEqualTo(30);
        assertThat(tiny.logText.toString()).contains("tok/s").contains("step 30/30").contains("validation loss");
    }

    @Test
    void anInterruptedRunResumesExactly() {
        TinyRun tiny = new TinyRun(temp);
        TrainingResult straight = tiny.trainer().train(tiny.out("straight"), tiny.arch, tiny.options(6), false,
                Long.MAX_VALUE);
        TrainingResult firstHalf = tiny.trainer().train(tiny.out("split"), tiny.arch, tiny.options(6), false, 3);
        assertThat(firstHalf.step()).isEqualTo(3);
        assertThat(firstHalf.checkpoint()).isEqualTo(tiny.out("split").resolve("checkpoints/step-0000003"));
        assertThat(tiny.out("split").resolve("final")).doesNotExist();
        TrainingResult secondHalf = tiny.trainer().train(tiny.out("split"), null, tiny.options(999), true,
                Long.MAX_VALUE);
        assertThat(secondHalf.startStep()).isEqualTo(3);
        assertThat(secondHalf.step()).isEqualTo(6);
        assertThat(firstHalf.losses()).containsExactlyElementsOf(straight.losses().subList(0, 3));
        assertThat(secondHalf.losses()).containsExactlyElementsOf(straight.losses().subList(3, 6));
        assertThat(floats(tiny.out("split").resolve("final"), "model.safetensors"))
                .isEqualTo(floats(tiny.out("straight").resolve("final"), "model.safetensors"));
        assertThat(floats(tiny.out("split").resolve("final"), TrainerState.OPTIMIZER))
                .isEqualTo(floats(tiny.out("straight").resolve("final"), TrainerState.OPTIMIZER));
    }

    @Test
    void aRecipeWithoutDropoutAndAllWeightOnTheLastLayerEqualsPlainTraining() {
        TinyRun tiny = new TinyRun(temp);
        TrainingRecipe zero = new FixedRecipe("zero", new double[3], new double[] {0, 0, 1});
        TrainingResult plain = tiny.trainer().train(tiny.out("plain"), tiny.arch, tiny.options(5), false,
                Long.MAX_VALUE);
        TrainingResult recipe = tiny.trainer(zero).train(tiny.out("zero"), tiny.arch,
                tiny.options(5).withRecipe("zero", Map.of()), false, Long.MAX_VALUE);
        assertThat(recipe.losses()).containsExactlyElementsOf(plain.losses());
        assertThat(floats(tiny.out("zero").resolve("final"), "model.safetensors"))
                .isEqualTo(floats(tiny.out("plain").resolve("final"), "model.safetensors"));
    }

    @Test
    void layerDropoutAndEarlyExitLossesTrainAndDiffer() {
        TinyRun tiny = new TinyRun(temp);
        TrainingRecipe skip = new FixedRecipe("skip", new double[] {0, 0.5, 0.9}, new double[] {0.2, 0.3, 0.5});
        TrainingResult plain = tiny.trainer().train(tiny.out("plain"), tiny.arch, tiny.options(4), false,
                Long.MAX_VALUE);
        TrainingResult skipped = tiny.trainer(skip).train(tiny.out("skip"), tiny.arch,
                tiny.options(4).withRecipe("skip", Map.of()), false, Long.MAX_VALUE);
        assertThat(skipped.losses()).hasSize(4).allMatch(Double::isFinite);
        assertThat(skipped.losses().get(0)).isNotEqualTo(plain.losses().get(0));
        TrainingResult again = tiny.trainer(skip).train(tiny.out("skip2"), tiny.arch,
                tiny.options(4).withRecipe("skip", Map.of()), false, Long.MAX_VALUE);
        assertThat(again.losses()).containsExactlyElementsOf(skipped.losses());
    }

    @Test
    void badExitWeightsFailNamingTheRecipe() {
        TinyRun tiny = new TinyRun(temp);
        TrainingRecipe sloppy = new FixedRecipe("sloppy", new double[3], new double[] {0.1, 0.1, 0.7});
        assertThatThrownBy(() -> tiny.trainer(sloppy).train(tiny.out("a"), tiny.arch,
                tiny.options(2).withRecipe("sloppy", Map.of()), false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recipe 'sloppy' at step 0").hasMessageContaining("sum to 0.9");
        TrainingRecipe negative = new FixedRecipe("negative", new double[3], new double[] {-0.5, 0.5, 1});
        assertThatThrownBy(() -> tiny.trainer(negative).train(tiny.out("b"), tiny.arch,
                tiny.options(2).withRecipe("negative", Map.of()), false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recipe 'negative'").hasMessageContaining("non-negative");
        TrainingRecipe certain = new FixedRecipe("certain", new double[] {0, 1, 0}, new double[] {0, 0, 1});
        assertThatThrownBy(() -> tiny.trainer(certain).train(tiny.out("c"), tiny.arch,
                tiny.options(2).withRecipe("certain", Map.of()), false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recipe 'certain'").hasMessageContaining("layer 1 is 1.0");
    }

    @Test
    void badInputsGiveClearMessages() {
        TinyRun tiny = new TinyRun(temp);
        TrainingOptions missing = new TrainingOptions(List.of(temp.resolve("nope.txt").toString()), 1 << 20, 2, 2,
                16, 1e-3, 0, 0.1, 0, 0.9, 0.95, 1, 0, 1, 0, 1, 1, 0.1, 0, TrainingRecipe.PLAIN, Map.of(), WindowStarts.ANYWHERE);
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("a"), tiny.arch, missing, false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.txt")
                .hasMessageContaining("does not exist");
        TrainingOptions tooLong = new TrainingOptions(List.of(tiny.corpus.toString()), 1 << 20, 2, 2, 65, 1e-3, 0,
                0.1, 0, 0.9, 0.95, 1, 0, 1, 0, 1, 1, 0.1, 0, TrainingRecipe.PLAIN, Map.of(), WindowStarts.ANYWHERE);
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("b"), tiny.arch, tooLong, false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--seq-len 65")
                .hasMessageContaining("max_position_embeddings of 64");
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("c"), null, tiny.options(2), true, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds no training checkpoint");
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("d"), tiny.arch,
                tiny.options(2).withRecipe("layerskip", Map.of()), false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown TrainingRecipe 'layerskip'")
                .hasMessageContaining("known: plain");
        assertThatThrownBy(() -> tiny.trainer().train(tiny.out("e"), tiny.arch,
                tiny.options(2).withRecipe("plain", Map.of("p_max", 0.2)), false, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("takes no settings");
        assertThatThrownBy(() -> new TrainingOptions(List.of(), 1, 0, 1, 8, 1e-3, 0, 0.1, 0, 0.9, 0.95, 1, 0, 1, 0,
                1, 1, 0.1, 0, TrainingRecipe.PLAIN, Map.of(), WindowStarts.ANYWHERE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--steps");
    }

    @Test
    void heldOutPromptsComeFromTextTrainingNeverReads() throws Exception {
        TinyRun tiny = new TinyRun(temp);
        Corpus corpus = Corpus.of(CorpusSource.read(List.of(tiny.corpus.toString()), 1 << 20), 257, 11, 0.45, 66, 33);
        List<String> prompts = HeldOutPrompts.cut(corpus, 24);
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(20)
                .allMatch(p -> p.length() >= 120 && p.length() <= 400 && p.endsWith("\n"));
        BatchSampler sampler = new BatchSampler(corpus, 4, 32, 11, WindowStarts.ANYWHERE);
        for (long step = 0; step < 200; step++) {
            for (int s : sampler.training(step).starts()) {
                assertThat(s + 32 + 1).isLessThanOrEqualTo(corpus.trainingLength());
            }
        }
        assertThat(sampler.training(7).starts()).isEqualTo(sampler.training(7).starts());
        HeldOutPrompts.write(temp.resolve("p"), prompts);
        assertThat(Files.readAllLines(temp.resolve("p").resolve(HeldOutPrompts.TEXT))).hasSize(prompts.size());
        assertThat(Files.readAllLines(temp.resolve("p").resolve(HeldOutPrompts.JSONL))).hasSize(prompts.size());
    }

    private static float[] floats(Path folder, String file) {
        try (SafetensorsFile f = SafetensorsFile.open(folder.resolve(file))) {
            int n = 0;
            for (String name : f.tensors().keySet().stream().sorted().toList()) {
                n += f.readFloats(name).length;
            }
            float[] all = new float[n];
            int at = 0;
            for (String name : f.tensors().keySet().stream().sorted().toList()) {
                float[] part = f.readFloats(name);
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }
}
