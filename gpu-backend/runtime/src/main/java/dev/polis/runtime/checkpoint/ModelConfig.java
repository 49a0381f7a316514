package dev.polis.runtime.checkpoint;

import java.util.List;

/**
 * The architecture of a decoder-only checkpoint, read from its {@code config.json}: sizes, attention layout,
 * normalisation and rotary settings for the Llama family, Qwen2 and Mistral.
 *
 * @param modelType             {@code llama}, {@code qwen2} or {@code mistral}
 * @param hiddenSize            model width D
 * @param intermediateSize      SwiGLU hidden width
 * @param layers                number of decoder blocks
 * @param heads                 query heads H
 * @param kvHeads               key/value heads (divides H; fewer than H means grouped-query attention)
 * @param headDim               width of one head
 * @param vocabSize             rows of the embedding and of the LM head
 * @param rmsNormEps            epsilon of every RMSNorm
 * @param ropeTheta             rotary base
 * @param ropeScaling           rotary rescaling, or {@code null}
 * @param maxPositionEmbeddings the longest context the model supports
 * @param slidingWindow         Mistral's attention window, or 0 when attention is global
 * @param tieWordEmbeddings     whether the LM head reuses the embedding matrix
 * @param qkvBias               whether q, k and v projections have biases (Qwen2, Llama's attention_bias)
 * @param outputBias            whether the attention output projection has a bias (Llama's attention_bias)
 * @param eosTokenIds           end-of-sequence ids named by config.json (may be empty)
 * @param bosTokenId            beginning-of-sequence id, or -1
 * @param torchDtype            the dtype config.json records, or {@code null}
 */
public record ModelConfig(String modelType, int hiddenSize, int intermediateSize, int layers, int heads, int kvHeads,
                          int headDim, int vocabSize, double rmsNormEps, double ropeTheta, RopeScaling ropeScaling,
                          int maxPositionEmbeddings, int slidingWindow, boolean tieWordEmbeddings, boolean qkvBias,
                          boolean outputBias, List<Integer> eosTokenIds, int bosTokenId, String torchDtype) {

    /** The architectures this runtime implements. */
    public static final List<String> SUPPORTED_TYPES = List.of("llama", "qwen2", "mistral");

    /** Copies the list. */
    public ModelConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /** Returns how many query heads share one key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Returns the number of parameters, counting a tied matrix once. */
    public long parameterCount() {
        long d = hiddenSize;
        long attention = d * heads * headDim + 2 * d * kvHeads * headDim + (long) heads * headDim * d;
        long bias = qkvBias ? (long) (heads + 2 * kvHeads) * headDim : 0;
        long mlp = 3 * d * intermediateSize;
        long perLayer = attention + bias + (outputBias ? d : 0) + mlp + 2 * d;
        long embed = (long) vocabSize * d;
        return embed + (tieWordEmbeddings ? 0 : embed) + layers * perLayer + d;
    }

    /** Returns a one-line summary for messages and {@code polis model info}. */
    public String describe() {
        return modelType + " " + layers + " layers, hidden " + hiddenSize + ", intermediate " + intermediateSize
                + ", heads " + heads + "/" + kvHeads + " (q/kv), head dim " + headDim + ", vocab " + vocabSize
                + (tieWordEmbeddings ? ", tied embeddings" : "") + (qkvBias ? ", qkv bias" : "");
    }
}
