package dev.polis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint split over shards with an index loads the same model as the single file. */
class ShardedCheckpointTest {

    @Test
    void shardsListedInTheIndexLoad(@TempDir Path dir) throws Exception {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.writeTo(dir);
        Files.delete(dir.resolve("model.safetensors"));
        List<SafetensorsWriter.Entry> first = new ArrayList<>();
        List<SafetensorsWriter.Entry> second = new ArrayList<>();
        StringBuilder map = new StringBuilder();
        checkpoint.weights.forEach((name, values) -> {
            boolean late = name.startsWith("model.layers.1") || name.startsWith("lm_head") || name.startsWith("model.norm");
            (late ? second : first).add(new SafetensorsWriter.Entry(name, checkpoint.dtype,
                    checkpoint.shapes.get(name), TensorContent.of(values)));
            map.append(map.isEmpty() ? "" : ",").append('"').append(name).append("\": \"")
                    .append(late ? "model-00002-of-00002.safetensors" : "model-00001-of-00002.safetensors").append('"');
        });
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of());
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of());
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"metadata\": {}, \"weight_map\": {" + map + "}}");

        int[] tokens = {4, 8, 15, 16, 23};
        double[][] expected = new ReferenceForward(checkpoint).logits(tokens);
        try (TransformerLm lm = TransformerLm.load(dir, LoadOptions.DEFAULTS); TransformerSession s = lm.newSession()) {
            float[] last = s.appendLast(tokens);
            for (int i = 0; i < last.length; i++) {
                assertThat((double) last[i]).isCloseTo(expected[4][i], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }
}
