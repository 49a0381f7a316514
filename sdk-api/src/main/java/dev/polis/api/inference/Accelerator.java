package dev.polis.api.inference;

import dev.polis.api.PolisExtension;
import dev.polis.api.Settings;
import org.apiguardian.api.API;

/**
 * Changes how a runtime model computes: token pruning in prefill, KV compression, mixture-of-experts blocks.
 *
 * <p>Several accelerators may be installed into one model; each touches only the seams it needs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Accelerator extends PolisExtension {

    /**
     * Installs this accelerator into {@code target}.
     *
     * @throws dev.polis.api.InvalidInputException when the target lacks a seam or the settings are wrong
     */
    void install(AcceleratorTarget target, Settings settings);
}
