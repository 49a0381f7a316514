package dev.polis.runtime.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.SafetensorsWriter;
import dev.polis.runtime.checkpoint.TensorContent;
import dev.polis.runtime.checkpoint.TensorDType;
import dev.polis.runtime.model.LayerWeights;
import dev.polis.runtime.model.ModelWeights;

/**
 * The weights being trained, in the runtime's fused layout ({@link ModelWeights}: q/k/v in one matrix, gate/up in
 * another), as float32 arrays that own their memory and carry gradients; exported back to Hugging Face tensor
 * names for checkpoints. A layer without dense feed-forward tensors (MH-MoE) has no {@code gate_up}/{@code down}
 * parameters; weights a recipe adds through {@link TrainingSeam#addParameter} are saved under their own names.
 */
final class TrainableWeights {

    private final ModelConfig config;
    private final ModelWeights weights;
    private final List<Parameter> parameters;
    private final List<Parameter> added = new ArrayList<>();
    private java.util.Set<String> runtimeNames;

    private TrainableWeights(ModelConfig config, ModelWeights weights) {
        this.config = config;
        this.weights = weights;
        this.parameters = collect(weights, config.tieWordEmbeddings());
    }

    /** Loads the checkpoint in {@code folder} into {@code manager}, copying each tensor out of the mapped file. */
    static TrainableWeights load(ModelConfig config, Path folder, NDManager manager) {
        try (CheckpointWeights files = CheckpointWeights.open(folder, SafetensorsFile.DEFAULT_SPLIT_BYTES);
             NDManager mapped = manager.newSubManager()) {
            ModelWeights view = ModelWeights.load(config, files, mapped);
            List<LayerWeights> layers = new ArrayList<>();
            for (LayerWeights w : view.layers()) {
                layers.add(new LayerWeights(own(w.inputNorm(), manager), own(w.qkv(), manager),
                        own(w.qkvBias(), manager), own(w.output(), manager), own(w.outputBias(), manager),
                        own(w.postNorm(), manager), own(w.gateUp(), manager), own(w.down(), manager)));
            }
            NDArray embedding = own(view.embedding(), manager);
            NDArray head = config.tieWordEmbeddings() ? embedding : own(view.lmHead(), manager);
            ModelWeights owned = new ModelWeights(embedding, List.copyOf(layers), own(view.finalNorm(), manager),
                    head);
            TrainableWeights trainable = new TrainableWeights(config, owned);
            trainable.parameters.forEach(p -> p.array().setRequiresGradient(true));
            return trainable;
        }
    }

    /** Copies {@code a} into memory of its own (the loader may wrap a read-only mapping), or returns null. */
    private static NDArray own(NDArray a, NDManager manager) {
        if (a == null) {
            return null;
        }
        NDArray copy = manager.create(a.toFloatArray(), a.getShape());
        return copy;
    }

    private static List<Parameter> collect(ModelWeights w, boolean tied) {
        List<Parameter> out = new ArrayList<>();
        out.add(new Parameter("embed", w.embedding(), true));
        for (int i = 0; i < w.layers().size(); i++) {
            LayerWeights l = w.layers().get(i);
            String p = "layers." + i + ".";
            out.add(new Parameter(p + "input_norm", l.inputNorm(), false));
            out.add(new Parameter(p + "qkv", l.qkv(), true));
            if (l.qkvBias() != null) {
                out.add(new Parameter(p + "qkv_bias", l.qkvBias(), false));
            }
            out.add(new Parameter(p + "output", l.output(), true));
            if (l.outputBias() != null) {
                out.add(new Parameter(p + "output_bias", l.outputBias(), false));
            }
            out.add(new Parameter(p + "post_norm", l.postNorm(), false));
            if (l.gateUp() != null) {
                out.add(new Parameter(p + "gate_up", l.gateUp(), true));
                out.add(new Parameter(p + "down", l.down(), true));
            }
        }
        out.add(new Parameter("final_norm", w.finalNorm(), false));
        if (!tied) {
            out.add(new Parameter("lm_head", w.lmHead(), true));
        }
        return out;
    }

    ModelConfig config() {
        return config;
    }

    ModelWeights weights() {
        return weights;
    }

    /**
     * Returns every distinct trainable array (a tied head appears once, as {@code embed}), the runtime's and then
     * those a recipe added.
     */
    List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    /** Adds a recipe's weight: the optimizer updates it and checkpoints save it under its name. */
    void add(Parameter parameter) {
        parameters.add(parameter);
        added.add(parameter);
    }

    /** Returns every name in use: the parameters' and the checkpoint tensors' the export writes. */
    java.util.Set<String> names() {
        if (runtimeNames == null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            parameters.forEach(p -> names.add(p.name()));
            exportEntries().forEach(e -> names.add(e.name()));
            runtimeNames = java.util.Set.copyOf(names);
        }
        java.util.Set<String> names = new java.util.HashSet<>(runtimeNames);
        added.forEach(p -> names.add(p.name()));
        return names;
    }

    /** Returns the weights under their Hugging Face names, split out of the fused matrices, as float32. */
    List<SafetensorsWriter.Entry> exportEntries() {
        List<SafetensorsWriter.Entry> out = new ArrayList<>();
        long d = config.hiddenSize();
        long q = (long) config.heads() * config.headDim();
        long kv = (long) config.kvHeads() * config.headDim();
        long inter = config.intermediateSize();
        out.add(entry("model.embed_tokens.weight", weights.embedding().toFloatArray(), 0, config.vocabSize(), d));
        for (int i = 0; i < config.layers(); i++) {
            LayerWeights l = weights.layers().get(i);
            String p = "model.layers." + i + ".";
            out.add(entry(p + "input_layernorm.weight", l.inputNorm().toFloatArray(), 0, d));
            float[] qkv = l.qkv().toFloatArray();
            out.add(entry(p + "self_attn.q_proj.weight", qkv, 0, q, d));
            out.add(entry(p + "self_attn.k_proj.weight", qkv, q * d, kv, d));
            out.add(entry(p + "self_attn.v_proj.weight", qkv, (q + kv) * d, kv, d));
            if (l.qkvBias() != null) {
                float[] b = l.qkvBias().toFloatArray();
                out.add(entry(p + "self_attn.q_proj.bias", b, 0, q));
                out.add(entry(p + "self_attn.k_proj.bias", b, q, kv));
                out.add(entry(p + "self_attn.v_proj.bias", b, q + kv, kv));
            }
            out.add(entry(p + "self_attn.o_proj.weight", l.output().toFloatArray(), 0, d, q));
            if (l.outputBias() != null) {
                out.add(entry(p + "self_attn.o_proj.bias", l.outputBias().toFloatArray(), 0, d));
            }
            out.add(entry(p + "post_attention_layernorm.weight", l.postNorm().toFloatArray(), 0, d));
            if (l.gateUp() != null) {
                float[] gateUp = l.gateUp().toFloatArray();
                out.add(entry(p + "mlp.gate_proj.weight", gateUp, 0, inter, d));
                out.add(entry(p + "mlp.up_proj.weight", gateUp, inter * d, inter, d));
                out.add(entry(p + "mlp.down_proj.weight", l.down().toFloatArray(), 0, d, inter));
            }
        }
        out.add(entry("model.norm.weight", weights.finalNorm().toFloatArray(), 0, d));
        if (!config.tieWordEmbeddings()) {
            out.add(entry("lm_head.weight", weights.lmHead().toFloatArray(), 0, config.vocabSize(), d));
        }
        for (Parameter p : added) {
            out.add(entry(p.name(), p.array().toFloatArray(), 0, p.array().getShape().getShape()));
        }
        return out;
    }

    private static SafetensorsWriter.Entry entry(String name, float[] source, long offset, long... shape) {
        TensorContent content = (chunk, first) ->
                System.arraycopy(source, Math.toIntExact(offset + first), chunk, 0, chunk.length);
        return new SafetensorsWriter.Entry(name, TensorDType.F32, shape, content);
    }
}
