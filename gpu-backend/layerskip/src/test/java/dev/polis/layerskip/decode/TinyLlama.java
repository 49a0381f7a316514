package dev.polis.layerskip.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;

/**
 * Writes tiny Llama checkpoints with seeded random weights for the LayerSkip tests: optionally only the first layers
 * (a physically truncated model with the same weights), or with layers from some index on made identity (their
 * attention output and MLP down projections zeroed).
 */
final class TinyLlama {

    static final int HIDDEN = 32;
    static final int INTERMEDIATE = 48;
    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int VOCAB = 48;
    /** The end token; the tests' prompts avoid it. */
    static final int EOS = 47;

    private final int layers;
    private final long seed;
    private final int eos;

    TinyLlama(int layers, long seed) {
        this(layers, seed, EOS);
    }

    /** A model whose end token is {@code eos} (one outside the vocabulary never ends a generation). */
    TinyLlama(int layers, long seed, int eos) {
        this.layers = layers;
        this.seed = seed;
        this.eos = eos;
    }

    /** Loads the full model written to {@code folder}. */
    TransformerLm load(Path folder) {
        return load(folder, layers, layers);
    }

    /** Writes layers {@code 0..written-1}; layers at or after {@code identityFrom} are identity. Then loads it. */
    TransformerLm load(Path folder, int written, int identityFrom) {
        write(folder, written, identityFrom);
        return TransformerLm.load(folder, LoadOptions.DEFAULTS.withMaxContext(256));
    }

    void write(Path folder, int written, int identityFrom) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("config.json"), String.format(Locale.ROOT, """
                    {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": %d,
                     "intermediate_size": %d, "num_hidden_layers": %d, "num_attention_heads": %d,
                     "num_key_value_heads": %d, "vocab_size": %d, "rms_norm_eps": 1e-5, "rope_theta": 10000,
                     "max_position_embeddings": 256, "tie_word_embeddings": false, "hidden_act": "silu",
                     "eos_token_id": %d, "bos_token_id": 1, "torch_dtype": "float32"}
                    """, HIDDEN, INTERMEDIATE, written, HEADS, KV_HEADS, VOCAB, eos));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(seed);
        int headDim = HIDDEN / HEADS;
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        entries.add(tensor("model.embed_tokens.weight", random, 1.0, 0, true, VOCAB, HIDDEN));
        for (int l = 0; l < layers; l++) {
            boolean keep = l < written;
            boolean live = l < identityFrom;
            String p = "model.layers." + l + ".";
            List<SafetensorsWriter.Entry> layer = List.of(
                    tensor(p + "input_layernorm.weight", random, 0.2, 1, true, HIDDEN),
                    tensor(p + "self_attn.q_proj.weight", random, 0.3, 0, true, HEADS * headDim, HIDDEN),
                    tensor(p + "self_attn.k_proj.weight", random, 0.3, 0, true, KV_HEADS * headDim, HIDDEN),
                    tensor(p + "self_attn.v_proj.weight", random, 0.3, 0, true, KV_HEADS * headDim, HIDDEN),
                    tensor(p + "self_attn.o_proj.weight", random, 0.2, 0, live, HIDDEN, HEADS * headDim),
                    tensor(p + "post_attention_layernorm.weight", random, 0.2, 1, true, HIDDEN),
                    tensor(p + "mlp.gate_proj.weight", random, 0.2, 0, true, INTERMEDIATE, HIDDEN),
                    tensor(p + "mlp.up_proj.weight", random, 0.2, 0, true, INTERMEDIATE, HIDDEN),
                    tensor(p + "mlp.down_proj.weight", random, 0.2, 0, live, HIDDEN, INTERMEDIATE));
            if (keep) {
                entries.addAll(layer);
            }
        }
        entries.add(tensor("model.norm.weight", random, 0.2, 1, true, HIDDEN));
        entries.add(tensor("lm_head.weight", random, 0.3, 0, true, VOCAB, HIDDEN));
        SafetensorsWriter.write(folder.resolve("model.safetensors"), entries, Map.of("format", "pt"));
    }

    private static SafetensorsWriter.Entry tensor(String name, Random random, double std, double mean, boolean live,
                                                  int... shape) {
        int n = 1;
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            n *= shape[i];
            dims[i] = shape[i];
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) (mean + std * random.nextGaussian());
            values[i] = live ? v : 0f;
        }
        return new SafetensorsWriter.Entry(name, TensorDType.F32, dims, TensorContent.of(values));
    }
}
