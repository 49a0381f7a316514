package dev.polis.snapkv.policy;

/**
 * What SnapKV did to one layer's cache after a prompt: the event a listener (the benchmark, the log) receives.
 *
 * @param layer       the layer
 * @param sequence    the tokens the sequence holds after the prompt (T; new tokens go at positions T, T+1, ...)
 * @param slotsBefore the slots the cache held after the prompt
 * @param slotsAfter  the slots each key/value head keeps (the capacity when compressed)
 * @param compressed  false when the cache already fits the capacity (it is then kept as it is)
 * @param bytesBefore native bytes of the layer's keys and values after the prompt
 * @param bytesAfter  native bytes once compressed and compacted
 */
public record PromptCompression(int layer, int sequence, int slotsBefore, int slotsAfter, boolean compressed,
                                long bytesBefore, long bytesAfter) {

    /** Returns one line saying what happened, for logs and event files. */
    public String describe() {
        if (!compressed) {
            return String.format("snapkv: layer %d: the prompt's %d cache entries fit the capacity of %d: kept "
                    + "uncompressed (%,d KV bytes)", layer, slotsBefore, slotsAfter, bytesAfter);
        }
        return String.format("snapkv: layer %d: kept %d of %d cache entries per KV head; KV bytes %,d -> %,d",
                layer, slotsAfter, slotsBefore, bytesBefore, bytesAfter);
    }
}
