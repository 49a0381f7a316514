package dev.polis.runtime.checkpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The element types a checkpoint tensor may have, with their safetensors names and sizes. */
public enum TensorDType {
    /** IEEE 754 single precision. */
    F32("F32", 4),
    /** IEEE 754 half precision. */
    F16("F16", 2),
    /** bfloat16: the upper half of a single-precision float. */
    BF16("BF16", 2);

    private final String safetensorsName;
    private final int bytes;

    TensorDType(String safetensorsName, int bytes) {
        this.safetensorsName = safetensorsName;
        this.bytes = bytes;
    }

    /** Returns the name safetensors headers use, for example {@code BF16}. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** Returns the size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Finds the type a safetensors header names; empty for types this runtime does not read. */
    public static Optional<TensorDType> fromSafetensors(String name) {
        return Arrays.stream(values()).filter(t -> t.safetensorsName.equals(name)).findFirst();
    }

    /**
     * Parses the names people write in architecture files and {@code torch_dtype}: {@code float32}, {@code f16},
     * {@code bfloat16}, ...
     *
     * @return empty when the name is none of them
     */
    public static Optional<TensorDType> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "f32", "float32", "float", "fp32" -> Optional.of(F32);
            case "f16", "float16", "half", "fp16" -> Optional.of(F16);
            case "bf16", "bfloat16" -> Optional.of(BF16);
            default -> Optional.empty();
        };
    }

    /** Rounds {@code value} to this type and widens it back, as a reader of this type would see it. */
    public float round(float value) {
        return switch (this) {
            case F32 -> value;
            case F16 -> Float.float16ToFloat(Float.floatToFloat16(value));
            case BF16 -> Float.intBitsToFloat(bf16Bits(value) << 16);
        };
    }

    /**
     * Reads element {@code index} of a little-endian buffer of this type, widened to a float (exactly: every F16
     * and BF16 value is a float).
     */
    public float read(java.nio.ByteBuffer buffer, long index) {
        int i = Math.toIntExact(index);
        return switch (this) {
            case F32 -> buffer.getFloat(i * 4);
            case F16 -> Float.float16ToFloat(buffer.getShort(i * 2));
            case BF16 -> Float.intBitsToFloat((buffer.getShort(i * 2) & 0xFFFF) << 16);
        };
    }

    /** Returns the bfloat16 bits of {@code value}, rounded to nearest even. */
    static int bf16Bits(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (bits >>> 16) | 0x40;
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (bits + roundingBias) >>> 16;
    }
}
