package dev.polis.snapkv;

import java.util.function.Consumer;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.snapkv.policy.PromptCompression;
import dev.polis.snapkv.policy.SnapKvSettings;
import dev.polis.snapkv.policy.SnapKvPolicy;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code accelerator.snapkv}: installs the SnapKV policy into a runtime model's KV-cache policy seam with the
 * settings block {@code runtime.settings.accelerator.snapkv} (keys {@code capacity}, {@code window}, {@code kernel},
 * {@code pooling}; see {@link SnapKvSettings}). What it does to each layer after a prompt goes to the listener it was
 * created with; the extension the host creates logs it (layer 0 at INFO, the others at DEBUG).
 */
@Extension
public final class SnapKv implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.snapkv";

    private static final Logger LOG = LoggerFactory.getLogger(SnapKv.class);

    private final Consumer<PromptCompression> listener;

    /** Creates the accelerator as the host does: it logs what it does. */
    public SnapKv() {
        this(SnapKv::log);
    }

    /** Creates the accelerator telling {@code listener} what it does to every layer after every prompt. */
    public SnapKv(Consumer<PromptCompression> listener) {
        this.listener = listener;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "SnapKV: after a prompt, each KV head keeps the entries its last window of queries attends to most";
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        KvCachePolicySeam seam = target.seam(KvCachePolicySeam.class).orElseThrow(() -> new InvalidInputException(
                ID + " needs the runtime's KvCachePolicySeam, which " + target.describe() + " does not offer: use a "
                        + "gpu-backend model (local:<folder>)"));
        seam.add(new SnapKvPolicy(SnapKvSettings.of(settings), listener));
    }

    /** Installs with settings already checked (what {@code polis snapkv bench} uses). */
    public void install(AcceleratorTarget target, SnapKvSettings settings) {
        target.seam(KvCachePolicySeam.class).orElseThrow(() -> new InvalidInputException(ID + " needs the "
                + "runtime's KvCachePolicySeam, which " + target.describe() + " does not offer"))
                .add(new SnapKvPolicy(settings, listener));
    }

    private static void log(PromptCompression event) {
        if (event.layer() == 0) {
            LOG.info(event.describe());
        } else {
            LOG.debug(event.describe());
        }
    }
}
