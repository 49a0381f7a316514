package dev.polis.runtime.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.tokenizer.TokenizerFiles;
import dev.polis.runtime.tokenizer.TokenizerLayout;

/**
 * Writes a Hugging Face–format checkpoint with seeded random weights: config.json, generation_config.json,
 * model.safetensors and a byte-level tokenizer with a chat template. For tests and benchmarks.
 */
public final class CheckpointInitializer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointInitializer() {
    }

    /**
     * Writes the checkpoint {@code spec} describes into {@code folder} ({@code source} is named in messages).
     *
     * @return the architecture written
     */
    public static ModelConfig write(ArchitectureSpec spec, Path source, Path folder) {
        TokenizerLayout tokenizer = TokenizerFiles.writeByteLevel(folder, spec.specialTokens());
        ModelConfig config = spec.modelConfig(source, tokenizer.vocabularySize());
        if (config.vocabSize() < tokenizer.vocabularySize()) {
            throw new InvalidInputException(source + ": vocab_size " + config.vocabSize() + " is smaller than the "
                    + tokenizer.vocabularySize() + " ids of the byte-level tokenizer (256 bytes + special tokens)");
        }
        try {
            JSON.writeValue(folder.resolve("config.json").toFile(), configJson(spec, config, tokenizer));
            ObjectNode generation = JSON.createObjectNode();
            generation.put("bos_token_id", tokenizer.bosTokenId());
            generation.put("eos_token_id", tokenizer.eosTokenId());
            generation.put("do_sample", false);
            JSON.writeValue(folder.resolve("generation_config.json").toFile(), generation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration into " + folder, e);
        }
        SafetensorsWriter.write(folder.resolve("model.safetensors"), entries(config, spec),
                Map.of("format", "pt", "polis.seed", Long.toString(spec.seed())));
        return config;
    }

    private static ObjectNode configJson(ArchitectureSpec spec, ModelConfig config, TokenizerLayout tokenizer) {
        ObjectNode out = ((ObjectNode) ArchitectureSpec.withDefaults(spec.config(), config.vocabSize())).deepCopy();
        out.remove(List.of("dtype", "seed", "init_std", "special_tokens"));
        String arch = switch (config.modelType()) {
            case "qwen2" -> "Qwen2ForCausalLM";
            case "mistral" -> "MistralForCausalLM";
            default -> "LlamaForCausalLM";
        };
        out.putArray("architectures").add(arch);
        out.put("num_key_value_heads", config.kvHeads());
        out.put("hidden_act", "silu");
        out.put("rms_norm_eps", config.rmsNormEps());
        out.put("rope_theta", config.ropeTheta());
        out.put("max_position_embeddings", config.maxPositionEmbeddings());
        out.put("tie_word_embeddings", config.tieWordEmbeddings());
        out.put("bos_token_id", tokenizer.bosTokenId());
        out.put("eos_token_id", tokenizer.eosTokenId());
        out.put("torch_dtype", switch (spec.dtype()) {
            case F32 -> "float32";
            case F16 -> "float16";
            case BF16 -> "bfloat16";
        });
        return out;
    }

    private static List<SafetensorsWriter.Entry> entries(ModelConfig c, ArchitectureSpec spec) {
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        long d = c.hiddenSize();
        long q = (long) c.heads() * c.headDim();
        long kv = (long) c.kvHeads() * c.headDim();
        Factory f = new Factory(spec);
        entries.add(f.random("model.embed_tokens.weight", c.vocabSize(), d));
        for (int i = 0; i < c.layers(); i++) {
            String p = "model.layers." + i + ".";
            entries.add(f.ones(p + "input_layernorm.weight", d));
            entries.add(f.random(p + "self_attn.q_proj.weight", q, d));
            entries.add(f.random(p + "self_attn.k_proj.weight", kv, d));
            entries.add(f.random(p + "self_attn.v_proj.weight", kv, d));
            if (c.qkvBias()) {
                entries.add(f.random(p + "self_attn.q_proj.bias", q));
                entries.add(f.random(p + "self_attn.k_proj.bias", kv));
                entries.add(f.random(p + "self_attn.v_proj.bias", kv));
            }
            entries.add(f.random(p + "self_attn.o_proj.weight", d, q));
            if (c.outputBias()) {
                entries.add(f.random(p + "self_attn.o_proj.bias", d));
            }
            entries.add(f.ones(p + "post_attention_layernorm.weight", d));
            entries.add(f.random(p + "mlp.gate_proj.weight", c.intermediateSize(), d));
            entries.add(f.random(p + "mlp.up_proj.weight", c.intermediateSize(), d));
            entries.add(f.random(p + "mlp.down_proj.weight", d, c.intermediateSize()));
        }
        entries.add(f.ones("model.norm.weight", d));
        if (!c.tieWordEmbeddings()) {
            entries.add(f.random("lm_head.weight", c.vocabSize(), d));
        }
        return entries;
    }

    private record Factory(ArchitectureSpec spec) {

        SafetensorsWriter.Entry random(String name, long... shape) {
            SplittableRandom random = new SplittableRandom(spec.seed() * 31 + name.hashCode());
            double std = spec.initStd();
            TensorContent content = (chunk, first) -> {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (float) (random.nextGaussian() * std);
                }
            };
            return new SafetensorsWriter.Entry(name, spec.dtype(), shape, content);
        }

        SafetensorsWriter.Entry ones(String name, long... shape) {
            return new SafetensorsWriter.Entry(name, spec.dtype(), shape, (chunk, first) -> java.util.Arrays.fill(chunk, 1f));
        }
    }

    /** Returns whether {@code folder} already holds a checkpoint, so init does not overwrite one by accident. */
    public static boolean holdsCheckpoint(Path folder) {
        return Files.exists(folder.resolve("config.json")) || Files.exists(folder.resolve("model.safetensors"));
    }
}
