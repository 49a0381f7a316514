package dev.polis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken checkpoints fail with an {@link InvalidInputException} that names the file and the problem. */
class BadCheckpointTest {

    @TempDir
    Path dir;

    private Path good() {
        return new TinyCheckpoint().writeTo(dir);
    }

    @Test
    void missingConfig() throws IOException {
        Files.delete(good().resolve("config.json"));
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("config.json").hasMessageContaining("does not exist");
    }

    @Test
    void missingWeights() throws IOException {
        Files.delete(good().resolve("model.safetensors"));
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.safetensors").hasMessageContaining(dir.toString());
    }

    @Test
    void unsupportedArchitecture() throws IOException {
        Path config = good().resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"llama\"", "\"gpt2\""));
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("config.json").hasMessageContaining("model_type 'gpt2' is not supported")
                .hasMessageContaining("llama, qwen2, mistral");
    }

    @Test
    void wrongTensorShape() throws IOException {
        Path config = good().resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"intermediate_size\": 48", "\"intermediate_size\": 40"));
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.safetensors")
                .hasMessageContaining("model.layers.0.mlp.gate_proj.weight")
                .hasMessageContaining("has shape [48, 32]").hasMessageContaining("needs [40, 32]");
    }

    @Test
    void missingTensor() throws IOException {
        Path config = good().resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"tie_word_embeddings\": false",
                "\"tie_word_embeddings\": false, \"attention_bias\": true"));
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.safetensors").hasMessageContaining("no tensor 'model.layers.0.self_attn.q_proj.bias'");
    }

    @Test
    void truncatedWeights() throws IOException {
        Path weights = good().resolve("model.safetensors");
        try (FileChannel channel = FileChannel.open(weights, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString()).hasMessageContaining("is truncated");
    }

    @Test
    void truncatedInsideTheHeader() throws IOException {
        Path weights = good().resolve("model.safetensors");
        try (FileChannel channel = FileChannel.open(weights, StandardOpenOption.WRITE)) {
            channel.truncate(40);
        }
        assertThatThrownBy(() -> SafetensorsFile.open(weights))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString()).hasMessageContaining("header length");
    }

    @Test
    void headerThatLiesAboutATensorsSize() throws IOException {
        Path weights = dir.resolve("lying.safetensors");
        writeRaw(weights, "{\"w\":{\"dtype\":\"F32\",\"shape\":[4,4],\"data_offsets\":[0,32]}}", 64);
        assertThatThrownBy(() -> SafetensorsFile.open(weights))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("tensor 'w' is F32 [4, 4], which is 64 bytes, but its data_offsets span 32 bytes");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        Path weights = dir.resolve("garbage.safetensors");
        writeRaw(weights, "{not json at all", 16);
        assertThatThrownBy(() -> SafetensorsFile.open(weights))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(weights.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void unsupportedDtype() throws IOException {
        Path weights = dir.resolve("ints.safetensors");
        writeRaw(weights, "{\"w\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 16);
        assertThatThrownBy(() -> SafetensorsFile.open(weights))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tensor 'w' has dtype 'I64'").hasMessageContaining("F32, F16 and BF16");
    }

    @Test
    void shardIndexPointingAtAMissingShard() throws IOException {
        good();
        Files.move(dir.resolve("model.safetensors"), dir.resolve("model-00001-of-00001.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"model.embed_tokens.weight\": \"model-00002-of-00002.safetensors\"}}");
        assertThatThrownBy(() -> TransformerLm.load(dir, LoadOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model-00002-of-00002.safetensors").hasMessageContaining("does not exist");
    }

    private static void writeRaw(Path file, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Files.write(file, b.array());
    }
}
