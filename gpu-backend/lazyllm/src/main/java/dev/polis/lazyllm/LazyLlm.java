package dev.polis.lazyllm;

import java.util.function.Consumer;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.lazyllm.prune.LazyDecode;
import dev.polis.lazyllm.prune.LazyPrefill;
import dev.polis.lazyllm.prune.LazySettings;
import dev.polis.lazyllm.prune.PrefillReport;
import dev.polis.lazyllm.prune.SessionStates;
import dev.polis.runtime.seam.AttentionProbeSeam;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.PrefillSeam;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code accelerator.lazyllm}: installs LazyLLM into a runtime model with the settings block
 * {@code runtime.settings.accelerator.lazyllm} (keys {@code schedule}, {@code minPrompt}; see {@link LazySettings}):
 * a prefill strategy that prunes prompt tokens layer by layer ({@link LazyPrefill}), a decode strategy that revives
 * them from the Aux Cache ({@link LazyDecode}), and a request for the last query row's attention probabilities,
 * which both read. What it does to each prompt goes to the listener it was created with; the extension the host
 * creates logs it.
 */
@Extension
public final class LazyLlm implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.lazyllm";

    private static final Logger LOG = LoggerFactory.getLogger(LazyLlm.class);

    private final Consumer<PrefillReport> listener;

    /** Creates the accelerator as the host does: it logs what it does to each prompt. */
    public LazyLlm() {
        this(report -> LOG.info(report.describe()));
    }

    /** Creates the accelerator telling {@code listener} what it does to every prompt. */
    public LazyLlm(Consumer<PrefillReport> listener) {
        this.listener = listener;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LazyLLM: prunes prompt tokens layer by layer by the last token's attention; an Aux Cache revives them";
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        install(target, LazySettings.of(settings, layers(target)));
    }

    /**
     * Installs with settings already checked (what {@code polis lazyllm bench} uses) and returns the registry of the
     * model's sessions, whose {@link dev.polis.lazyllm.prune.AuxCache} holds each session's counters.
     */
    public SessionStates install(AcceleratorTarget target, LazySettings settings) {
        int layers = layers(target);
        PrefillSeam prefill = require(target, PrefillSeam.class);
        DecodeSeam decode = require(target, DecodeSeam.class);
        AttentionProbeSeam probe = require(target, AttentionProbeSeam.class);
        SessionStates states = new SessionStates(layers);
        probe.request(1);
        prefill.replace(inner -> new LazyPrefill(inner, settings, states, listener));
        decode.replaceDecode(inner -> new LazyDecode(inner, settings, states));
        return states;
    }

    /** Returns the number of layers of {@code target}, refusing a model without the runtime's seams. */
    public static int layers(AcceleratorTarget target) {
        return require(target, LayerAccess.class).layers();
    }

    private static <T> T require(AcceleratorTarget target, Class<T> seam) {
        return target.seam(seam).orElseThrow(() -> new InvalidInputException(ID + " needs the runtime's "
                + seam.getSimpleName() + ", which " + target.describe() + " does not offer: use a gpu-backend model "
                + "(local:<folder>)"));
    }
}
