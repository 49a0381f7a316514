package dev.polis.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.polis.api.PolisException;

/**
 * Starts DJL's PyTorch engine the way a plugin must: offline, with the plugin's class loader as context class loader
 * (DJL finds engines through {@code ServiceLoader}), and says what it found.
 *
 * <p>Thread settings come from DJL's system properties {@code ai.djl.pytorch.num_threads} and
 * {@code ai.djl.pytorch.num_interop_threads}, read when the engine starts.
 */
public final class PyTorchEngine {

    /** DJL's name of the engine. */
    public static final String NAME = "PyTorch";

    private static volatile Engine engine;

    private PyTorchEngine() {
    }

    /**
     * Returns the PyTorch engine, starting it on first use.
     *
     * @throws PolisException when the engine or its native library cannot be loaded
     */
    public static Engine get() {
        Engine current = engine;
        if (current == null) {
            synchronized (PyTorchEngine.class) {
                if (engine == null) {
                    engine = start();
                }
                current = engine;
            }
        }
        return current;
    }

    /** Returns whether the engine has been started in this process. */
    public static boolean isLoaded() {
        return engine != null;
    }

    /** Starts the engine if needed and describes it. */
    public static EngineReport report() {
        Engine started = get();
        return new EngineReport(started.getEngineName(), started.getVersion(), Engine.getDjlVersion(),
                started.getGpuCount(), JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(),
                DjlEnvironment.offline());
    }

    private static Engine start() {
        DjlEnvironment.prepare();
        return ContextClassLoader.call(() -> {
            try {
                return Engine.getEngine(NAME);
            } catch (RuntimeException | LinkageError e) {
                throw new PolisException("DJL's PyTorch engine could not start: " + e.getMessage() + ". The runtime "
                        + "plugin bundles PyTorch's CPU library for linux-x86_64; on another platform set "
                        + "PYTORCH_LIBRARY_PATH to a PyTorch installation's lib folder", e);
            }
        });
    }
}
