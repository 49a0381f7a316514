package dev.polis.runtime.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.checkpoint.TensorInfo;

/**
 * Every weight of a model as float32 arrays on the model's device, loaded from a checkpoint after checking each
 * tensor's presence and shape against the configuration.
 *
 * @param embedding  token embedding, {@code [vocab, hidden]}
 * @param layers     per-layer weights
 * @param finalNorm  RMSNorm weight after the last layer
 * @param lmHead     output projection {@code [vocab, hidden]}; the embedding itself when tied
 * @param loaded     the names of the checkpoint's tensors these weights were read from
 */
public record ModelWeights(NDArray embedding, List<LayerWeights> layers, NDArray finalNorm, NDArray lmHead,
                           Set<String> loaded) {

    /** Weights made in memory (the trainer's), read from no checkpoint. */
    public ModelWeights(NDArray embedding, List<LayerWeights> layers, NDArray finalNorm, NDArray lmHead) {
        this(embedding, layers, finalNorm, lmHead, Set.of());
    }

    /**
     * Loads and checks the weights described by {@code config} from {@code source} into {@code manager}. A layer
     * with none of the dense feed-forward tensors loads without them (its block is an accelerator's, MH-MoE's
     * experts); one with only some of them is refused, naming the missing tensor.
     */
    public static ModelWeights load(ModelConfig config, CheckpointWeights source, NDManager manager) {
        Loader l = new Loader(config, source, manager, new HashSet<>());
        long d = config.hiddenSize();
        long qDim = (long) config.heads() * config.headDim();
        long kvDim = (long) config.kvHeads() * config.headDim();
        NDArray embedding = l.tensor("model.embed_tokens.weight", config.vocabSize(), d);
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            String p = "model.layers." + i + ".";
            NDArray qkv = l.fused(l.tensor(p + "self_attn.q_proj.weight", qDim, d),
                    l.tensor(p + "self_attn.k_proj.weight", kvDim, d), l.tensor(p + "self_attn.v_proj.weight", kvDim, d));
            NDArray qkvBias = config.qkvBias() ? l.fused(l.tensor(p + "self_attn.q_proj.bias", qDim),
                    l.tensor(p + "self_attn.k_proj.bias", kvDim), l.tensor(p + "self_attn.v_proj.bias", kvDim)) : null;
            boolean dense = source.find(p + "mlp.gate_proj.weight").isPresent()
                    || source.find(p + "mlp.up_proj.weight").isPresent()
                    || source.find(p + "mlp.down_proj.weight").isPresent();
            NDArray gateUp = dense ? l.fused(l.tensor(p + "mlp.gate_proj.weight", config.intermediateSize(), d),
                    l.tensor(p + "mlp.up_proj.weight", config.intermediateSize(), d)) : null;
            layers.add(new LayerWeights(l.tensor(p + "input_layernorm.weight", d), qkv, qkvBias,
                    l.tensor(p + "self_attn.o_proj.weight", d, qDim),
                    config.outputBias() ? l.tensor(p + "self_attn.o_proj.bias", d) : null,
                    l.tensor(p + "post_attention_layernorm.weight", d), gateUp,
                    dense ? l.tensor(p + "mlp.down_proj.weight", d, config.intermediateSize()) : null));
        }
        NDArray norm = l.tensor("model.norm.weight", d);
        NDArray head = config.tieWordEmbeddings() ? embedding : l.tensor("lm_head.weight", config.vocabSize(), d);
        return new ModelWeights(embedding, List.copyOf(layers), norm, head, Set.copyOf(l.read()));
    }

    /** Reads tensor {@code name} of {@code source} as float32 onto {@code manager}, in the shape the file gives. */
    public static NDArray read(ModelConfig config, CheckpointWeights source, NDManager manager, String name) {
        TensorInfo info = source.find(name).orElseThrow(() -> new InvalidInputException(source.label()
                + " has no tensor '" + name + "'"));
        return new Loader(config, source, manager, new HashSet<>()).tensor(name, info.shape());
    }

    /** Counts the bytes of the weights read per decoded token (each distinct matrix once). */
    public long bytes() {
        long n = embedding.size() + finalNorm.size() + (lmHead == embedding ? 0 : lmHead.size());
        for (LayerWeights w : layers) {
            for (NDArray a : new NDArray[] {w.inputNorm(), w.qkv(), w.qkvBias(), w.output(), w.outputBias(),
                    w.postNorm(), w.gateUp(), w.down()}) {
                n += a == null ? 0 : a.size();
            }
        }
        return n * 4;
    }

    private record Loader(ModelConfig config, CheckpointWeights source, NDManager manager, Set<String> read) {

        NDArray tensor(String name, long... expected) {
            read.add(name);
            TensorInfo info = source.find(name).orElseThrow(() -> new InvalidInputException(source.label()
                    + " has no tensor '" + name + "', which a " + config.modelType() + " model with this config.json"
                    + " needs"));
            if (!Arrays.equals(info.shape(), expected)) {
                throw new InvalidInputException(source.fileOf(name).orElseThrow() + ": tensor '" + name
                        + "' has shape " + info.shapeText() + " but config.json (" + config.describe() + ") needs "
                        + Arrays.toString(expected));
            }
            ByteBuffer bytes = source.bytes(name);
            if (info.dtype() == TensorDType.BF16) {
                return manager.create(widenBf16(bytes), new Shape(expected), DataType.FLOAT32);
            }
            DataType type = info.dtype() == TensorDType.F16 ? DataType.FLOAT16 : DataType.FLOAT32;
            NDArray raw = manager.create(bytes, new Shape(expected), type);
            if (type == DataType.FLOAT32) {
                return raw;
            }
            NDArray widened = raw.toType(DataType.FLOAT32, false);
            raw.close();
            return widened;
        }

        /** DJL's PyTorch engine cannot wrap bfloat16 bytes, so they are widened here, one tensor at a time, off-heap. */
        private static ByteBuffer widenBf16(ByteBuffer bf16) {
            int count = bf16.remaining() / 2;
            ByteBuffer out = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
            for (int i = 0; i < count; i++) {
                out.putInt(i * 4, (bf16.getShort(i * 2) & 0xFFFF) << 16);
            }
            return out;
        }

        NDArray fused(NDArray... parts) {
            NDArray joined = NDArrays.concat(new NDList(parts), 0);
            for (NDArray p : parts) {
                p.close();
            }
            return joined;
        }
    }
}
