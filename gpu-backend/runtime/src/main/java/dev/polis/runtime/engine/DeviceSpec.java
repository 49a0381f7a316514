package dev.polis.runtime.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.polis.api.InvalidInputException;

/**
 * A device as operators write it: {@code cpu}, or {@code cuda:N} (also {@code cuda}, {@code gpu}, {@code gpuN}).
 *
 * @param cuda  whether it is a CUDA GPU
 * @param index the GPU's index; 0 for the CPU
 */
public record DeviceSpec(boolean cuda, int index) {

    /** The CPU. */
    public static final DeviceSpec CPU = new DeviceSpec(false, 0);

    private static final Pattern GPU = Pattern.compile("(?:cuda|gpu)(?::?(\\d+))?");

    /** Checks the index. */
    public DeviceSpec {
        if (index < 0 || (!cuda && index != 0)) {
            throw new IllegalArgumentException("bad device index " + index);
        }
    }

    /**
     * Parses a device name.
     *
     * @param source where the text came from, for the message ({@code POLIS_DEVICE}, {@code --device})
     * @throws InvalidInputException when the text names no device
     */
    public static DeviceSpec parse(String text, String source) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (name.equals("cpu")) {
            return CPU;
        }
        Matcher gpu = GPU.matcher(name);
        if (gpu.matches()) {
            return new DeviceSpec(true, gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1)));
        }
        throw new InvalidInputException(source + ": unknown device '" + text + "' (known: cpu, cuda:0, cuda:1, ...)");
    }

    /** Returns the canonical name: {@code cpu} or {@code cuda:N}. */
    @Override
    public String toString() {
        return cuda ? "cuda:" + index : "cpu";
    }
}
