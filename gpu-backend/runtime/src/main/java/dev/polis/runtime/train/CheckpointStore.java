package dev.polis.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.checkpoint.TensorDType;

/**
 * The folders of a training run: {@code init/} (the starting weights), {@code checkpoints/step-NNNNNNN/} and
 * {@code final/}. Each checkpoint is a Hugging Face folder (config.json, generation_config.json, tokenizer files,
 * model.safetensors in float32) plus {@link TrainerState#FILE} and {@link TrainerState#OPTIMIZER}; it is written
 * under a temporary name and renamed when complete, so a run killed mid-write resumes from the previous one.
 */
final class CheckpointStore {

    private static final String STEP_PREFIX = "step-";

    private final Path out;

    CheckpointStore(Path out) {
        this.out = out;
    }

    Path init() {
        return out.resolve("init");
    }

    Path finalFolder() {
        return out.resolve("final");
    }

    Path checkpoints() {
        return out.resolve("checkpoints");
    }

    /** Returns the newest complete checkpoint (or {@code final/}, when it is newer), if any. */
    Optional<Path> latest() {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(checkpoints())) {
            try (Stream<Path> list = Files.list(checkpoints())) {
                list.filter(p -> p.getFileName().toString().startsWith(STEP_PREFIX))
                        .filter(p -> !p.getFileName().toString().endsWith(".partial"))
                        .filter(p -> Files.isRegularFile(p.resolve(TrainerState.FILE)))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + checkpoints(), e);
            }
        }
        if (Files.isRegularFile(finalFolder().resolve(TrainerState.FILE))) {
            candidates.add(finalFolder());
        }
        return candidates.stream().max(Comparator.comparingLong(p -> TrainerState.read(p).step()));
    }

    /** Writes a checkpoint for {@code state} into {@code target} (replacing it), copying the non-weight files. */
    void save(Path target, Path template, TrainableWeights weights, AdamW optimizer, TrainerState state) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    if (!name.equals("model.safetensors") && !name.equals(TrainerState.FILE)
                            && !name.equals(TrainerState.OPTIMIZER) && !name.startsWith("model.safetensors.index")) {
                        Files.copy(f, partial.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            SafetensorsWriter.write(partial.resolve("model.safetensors"), weights.exportEntries(),
                    Map.of("format", "pt", "polis.step", Long.toString(state.step())));
            SafetensorsWriter.write(partial.resolve(TrainerState.OPTIMIZER), momentEntries(optimizer),
                    Map.of("polis.step", Long.toString(state.step())));
            state.write(partial);
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + target, e);
        }
    }

    /** Returns the folder of the checkpoint after {@code step} steps. */
    Path stepFolder(long step) {
        return checkpoints().resolve(String.format("%s%07d", STEP_PREFIX, step));
    }

    /** Restores the optimizer moments saved in {@code folder}. */
    static void restoreMoments(Path folder, AdamW optimizer, NDManager manager) {
        try (SafetensorsFile file = SafetensorsFile.open(folder.resolve(TrainerState.OPTIMIZER))) {
            restore(file, "m.", optimizer.firstMoments(), folder);
            restore(file, "v.", optimizer.secondMoments(), folder);
        }
    }

    private static void restore(SafetensorsFile file, String prefix, Map<String, NDArray> moments, Path folder) {
        for (Map.Entry<String, NDArray> e : moments.entrySet()) {
            String name = prefix + e.getKey();
            if (file.find(name).isEmpty()) {
                throw new InvalidInputException(folder.resolve(TrainerState.OPTIMIZER) + " has no tensor '" + name
                        + "'; it does not belong to this model");
            }
            float[] values = file.readFloats(name);
            NDArray target = e.getValue();
            NDArray loaded = target.getManager().create(values, target.getShape());
            target.subi(target).addi(loaded);
            loaded.close();
        }
    }

    private static List<SafetensorsWriter.Entry> momentEntries(AdamW optimizer) {
        List<SafetensorsWriter.Entry> out = new ArrayList<>();
        optimizer.firstMoments().forEach((n, a) -> out.add(entry("m." + n, a)));
        optimizer.secondMoments().forEach((n, a) -> out.add(entry("v." + n, a)));
        return out;
    }

    private static SafetensorsWriter.Entry entry(String name, NDArray array) {
        float[] values = array.toFloatArray();
        return new SafetensorsWriter.Entry(name, TensorDType.F32, array.getShape().getShape(),
                TensorContent.of(values));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
