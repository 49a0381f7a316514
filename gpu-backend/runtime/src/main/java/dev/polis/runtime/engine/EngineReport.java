package dev.polis.runtime.engine;

/**
 * What the PyTorch engine reports about itself, for {@code polis doctor} and benchmark records.
 *
 * @param engineName     DJL's name of the engine
 * @param engineVersion  the PyTorch version
 * @param djlVersion     the DJL version
 * @param gpuCount       the number of CUDA GPUs PyTorch can use
 * @param threads        PyTorch's intra-op threads
 * @param interopThreads PyTorch's inter-op threads
 * @param offline        whether DJL may download nothing
 */
public record EngineReport(String engineName, String engineVersion, String djlVersion, int gpuCount, int threads,
                           int interopThreads, boolean offline) {

    /** Returns the devices as names: {@code cpu} then {@code cuda:0}, {@code cuda:1}, ... */
    public String devices() {
        StringBuilder devices = new StringBuilder("cpu");
        for (int i = 0; i < gpuCount; i++) {
            devices.append(", cuda:").append(i);
        }
        return devices.toString();
    }

    /** Returns one line for humans. */
    public String summary() {
        return engineName + " " + engineVersion + " (DJL " + djlVersion + "), devices: " + devices() + ", threads: "
                + threads + " intra-op / " + interopThreads + " inter-op, " + (offline ? "offline" : "online");
    }
}
