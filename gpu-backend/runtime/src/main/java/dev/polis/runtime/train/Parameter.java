package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;

/**
 * One trainable array with its stable name (used for optimizer moments in the trainer state) and whether AdamW's
 * weight decay applies to it (matrices yes; norm weights and biases no).
 *
 * @param name  stable name, e.g. {@code layers.3.qkv}
 * @param array the float32 array, gradient attached
 * @param decay whether weight decay applies
 */
record Parameter(String name, NDArray array, boolean decay) {
}
