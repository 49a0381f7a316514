package dev.polis.mhmoe.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.checkpoint.TensorInfo;

/**
 * Turns a dense checkpoint with seeded weights into an MH-MoE one: the dense feed-forward tensors of the MH-MoE
 * layers are removed and the block's tensors added with seeded values (head and merge: Xavier-uniform with gain
 * 1/√2 and zero bias, as the official code; router and experts: normal with the checkpoint's {@code init_std}).
 */
public final class MoeInitializer {

    private MoeInitializer() {
    }

    /**
     * Rewrites {@code folder}'s model.safetensors for {@code config} (model width {@code hidden}) in {@code dtype}.
     *
     * @return the parameters the MH-MoE blocks add, all layers together
     */
    public static long write(Path folder, MoeConfig config, int hidden, TensorDType dtype, long seed, double std) {
        Path file = folder.resolve("model.safetensors");
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        try (SafetensorsFile dense = SafetensorsFile.open(file)) {
            for (TensorInfo t : dense.tensors().values()) {
                if (!denseFeedForward(t.name(), config)) {
                    entries.add(new SafetensorsWriter.Entry(t.name(), t.dtype(), t.shape(),
                            TensorContent.of(dense.readFloats(t.name()))));
                }
            }
        }
        long added = 0;
        double bound = Math.sqrt(6.0 / (2.0 * hidden)) / Math.sqrt(2);
        for (int layer : config.layers()) {
            for (Map.Entry<String, long[]> t : ExpertTensors.shapes(config, hidden, layer).entrySet()) {
                String name = t.getKey();
                long count = 1;
                for (long s : t.getValue()) {
                    count *= s;
                }
                added += count;
                SplittableRandom random = new SplittableRandom(seed * 31 + name.hashCode());
                TensorContent content;
                if (name.endsWith("_proj.bias")) {
                    content = (chunk, first) -> java.util.Arrays.fill(chunk, 0f);
                } else if (name.endsWith("head_proj.weight") || name.endsWith("merge_proj.weight")) {
                    content = (chunk, first) -> fill(chunk, () -> (random.nextDouble() * 2 - 1) * bound);
                } else {
                    content = (chunk, first) -> fill(chunk, () -> random.nextGaussian() * std);
                }
                entries.add(new SafetensorsWriter.Entry(name, dtype, t.getValue(), content));
            }
        }
        Path partial = folder.resolve("model.safetensors.partial");
        SafetensorsWriter.write(partial, entries, Map.of("format", "pt", "polis.seed", Long.toString(seed)));
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
        return added;
    }

    private static void fill(float[] chunk, java.util.function.DoubleSupplier values) {
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (float) values.getAsDouble();
        }
    }

    private static boolean denseFeedForward(String name, MoeConfig config) {
        for (int layer : config.layers()) {
            String p = ExpertTensors.prefix(layer);
            if (name.equals(p + "gate_proj.weight") || name.equals(p + "up_proj.weight")
                    || name.equals(p + "down_proj.weight")) {
                return true;
            }
        }
        return false;
    }
}
