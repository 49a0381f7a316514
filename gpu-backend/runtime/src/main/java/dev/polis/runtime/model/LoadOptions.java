package dev.polis.runtime.model;

import dev.polis.runtime.checkpoint.SafetensorsFile;

/**
 * How to load a checkpoint.
 *
 * @param device          {@code cpu}, {@code cuda}, {@code cuda:N}; {@code null} means the CPU
 * @param maxContext      the longest sequence sessions may hold (capped by the model's own context); sizes the
 *                        rotary tables and the default session capacity
 * @param splitBytes      the largest memory map used to read a safetensors file
 * @param attentionFloats the most attention scores (heads × queries × cached tokens) one layer computes at once; a
 *                        longer prompt is attended in blocks of query rows so that its peak memory stays near this
 *                        many floats (×3: scores, masked scores, probabilities). Prompts within it take the
 *                        one-block path, bit for bit as before
 * @param hostDecode      whether single-row products (decode steps) on the CPU run on the Java vector kernel
 *                        ({@code HostMatVec}) when the JVM has the Vector API; off: PyTorch computes every product
 */
public record LoadOptions(String device, int maxContext, long splitBytes, long attentionFloats, boolean hostDecode) {

    /**
     * One block up to 2^20 scores (4 MiB of float32 per tensor): about 340 tokens of a 9-head model in one block,
     * longer prompts in blocks of 64 rows and more. Small blocks are faster, not only smaller: a 2,048-token prompt
     * of the SmolLM2-135M shape took 5.3 s to its first token with 2^20 against 32-39 s in one 151 MB block with
     * 2^26, whose every score, mask and softmax tensor was fresh memory the kernel had to fault in (issue 23).
     */
    public static final long DEFAULT_ATTENTION_FLOATS = 1L << 20;

    /** CPU, 4,096 tokens, 2 GiB maps, {@link #DEFAULT_ATTENTION_FLOATS}. */
    public static final LoadOptions DEFAULTS = new LoadOptions(null, 4096, SafetensorsFile.DEFAULT_SPLIT_BYTES);

    /** Checks the numbers. */
    public LoadOptions {
        if (maxContext <= 0 || splitBytes <= 0 || attentionFloats <= 0) {
            throw new IllegalArgumentException("maxContext, splitBytes and attentionFloats must be positive");
        }
    }

    /** Options with the {@link #DEFAULT_ATTENTION_FLOATS default attention block} and the host decode path on. */
    public LoadOptions(String device, int maxContext, long splitBytes) {
        this(device, maxContext, splitBytes, DEFAULT_ATTENTION_FLOATS);
    }

    /** Options with the host decode path on. */
    public LoadOptions(String device, int maxContext, long splitBytes, long attentionFloats) {
        this(device, maxContext, splitBytes, attentionFloats, true);
    }

    /** Returns these options on another device. */
    public LoadOptions withDevice(String newDevice) {
        return new LoadOptions(newDevice, maxContext, splitBytes, attentionFloats, hostDecode);
    }

    /** Returns these options with another context limit. */
    public LoadOptions withMaxContext(int tokens) {
        return new LoadOptions(device, tokens, splitBytes, attentionFloats, hostDecode);
    }

    /** Returns these options with another bound on the attention scores one layer computes at once. */
    public LoadOptions withAttentionFloats(long floats) {
        return new LoadOptions(device, maxContext, splitBytes, floats, hostDecode);
    }

    /** Returns these options with the host decode path on or off. */
    public LoadOptions withHostDecode(boolean on) {
        return new LoadOptions(device, maxContext, splitBytes, attentionFloats, on);
    }
}
