package dev.polis.runtime.engine;

/**
 * Puts DJL into the mode this runtime needs before its first use: offline, with telemetry off and PyTorch's graph
 * optimizer off (it re-optimizes for every new sequence length, which a decoder produces at every step).
 *
 * <p>DJL reads {@code ai.djl.offline} (or {@code DJL_OFFLINE}), {@code OPT_OUT_TRACKING} and
 * {@code ai.djl.pytorch.graph_optimizer}; an operator who set them explicitly keeps their values. Offline, DJL uses
 * the CPU natives bundled in this plugin's jars and never downloads anything.
 */
public final class DjlEnvironment {

    /** The system property DJL reads to stop downloads. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** The system property DJL's PyTorch engine reads to switch its graph executor optimizer. */
    public static final String GRAPH_OPTIMIZER_PROPERTY = "ai.djl.pytorch.graph_optimizer";

    /** The slf4j-simple level of DJL's CUDA probe. */
    static final String CUDA_LOG_PROPERTY = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

    private DjlEnvironment() {
    }

    /** Sets these properties unless the operator chose otherwise; safe to call repeatedly. */
    public static void prepare() {
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (System.getProperty(GRAPH_OPTIMIZER_PROPERTY) == null) {
            System.setProperty(GRAPH_OPTIMIZER_PROPERTY, "false");
        }
        // On a machine without a usable CUDA driver DJL warns at every start; the device doctor check says it once.
        if (System.getProperty(CUDA_LOG_PROPERTY) == null) {
            System.setProperty(CUDA_LOG_PROPERTY, "error");
        }
    }

    /** Returns whether DJL is in offline mode, as DJL itself decides it. */
    public static boolean offline() {
        String value = System.getProperty(OFFLINE_PROPERTY, System.getenv("DJL_OFFLINE"));
        return Boolean.parseBoolean(value);
    }
}
