package dev.polis.runtime.model;

import dev.polis.runtime.checkpoint.SafetensorsFile;

/**
 * How to load a checkpoint.
 *
 * @param device     {@code cpu}, {@code cuda}, {@code cuda:N}; {@code null} means the CPU
 * @param maxContext the longest sequence sessions may hold (capped by the model's own context); sizes the rotary
 *                   tables and the default session capacity
 * @param splitBytes the largest memory map used to read a safetensors file
 */
public record LoadOptions(String device, int maxContext, long splitBytes) {

    /** CPU, 4,096 tokens, 2 GiB maps. */
    public static final LoadOptions DEFAULTS = new LoadOptions(null, 4096, SafetensorsFile.DEFAULT_SPLIT_BYTES);

    /** Checks the numbers. */
    public LoadOptions {
        if (maxContext <= 0 || splitBytes <= 0) {
            throw new IllegalArgumentException("maxContext and splitBytes must be positive");
        }
    }

    /** Returns these options on another device. */
    public LoadOptions withDevice(String newDevice) {
        return new LoadOptions(newDevice, maxContext, splitBytes);
    }

    /** Returns these options with another context limit. */
    public LoadOptions withMaxContext(int tokens) {
        return new LoadOptions(device, tokens, splitBytes);
    }
}
