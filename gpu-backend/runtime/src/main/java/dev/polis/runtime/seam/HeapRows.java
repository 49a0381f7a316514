package dev.polis.runtime.seam;

/**
 * A {@link KvCache}'s filled slots on the Java heap ({@link KvCache#heapRows()}): {@code keys} and {@code values} are
 * laid out {@code [kvHeads, slotStride, headDim]} and hold {@code length} slots per head. Valid until the cache next
 * changes.
 *
 * @param keys       the keys, after the rotary embedding
 * @param values     the values
 * @param slotStride the slots each head's rows are spaced by (the cache's allocated slots)
 * @param length     the filled slots per head
 */
public record HeapRows(float[] keys, float[] values, int slotStride, int length) {
}
