package dev.polis.runtime.chat;

import java.util.List;
import java.util.Objects;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.model.TransformerLm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the accelerators the inference options name into a runtime model, in order, each with its settings block
 * {@code runtime.settings.<accelerator id>}.
 */
public final class AcceleratorInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(AcceleratorInstaller.class);

    private final Extensions extensions;
    private final SettingsFactory settings;

    /** Creates an installer over the host's accelerators, making their settings with {@code settings}. */
    public AcceleratorInstaller(Extensions extensions, SettingsFactory settings) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Installs every accelerator of {@code inference} into {@code model}; none when it names none.
     *
     * @throws InvalidInputException when an accelerator is unknown (the message lists the known ones), the model is
     *                               not the runtime's transformer, or an accelerator rejects its settings
     */
    public void install(CausalLm model, InferenceOptions inference) {
        List<String> ids = inference.acceleratorIds();
        if (ids.isEmpty()) {
            return;
        }
        if (!(model instanceof TransformerLm lm)) {
            throw new InvalidInputException("accelerators " + ids + " were requested, but they install only into the "
                    + "runtime's transformer models, not into " + model.getClass().getSimpleName()
                    + "; remove runtime.accelerators (or POLIS_ACCELERATORS)");
        }
        for (String id : ids) {
            Accelerator accelerator = extensions.get(Accelerator.class, id);
            lm.install(accelerator, settings.of(inference.settingsOf(id), "runtime.settings." + id));
            LOG.debug("installed accelerator {} into {}", id, lm.config().describe());
        }
    }
}
