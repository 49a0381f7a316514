package dev.polis.runtime.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import dev.polis.runtime.chat.AcceleratorInstaller;
import dev.polis.runtime.chat.DecoderLookup;
import org.pf4j.Extension;

/** Contributes {@code polis bench}, which measures prefill and decode speed of a local checkpoint. */
@Extension
public final class BenchCommandProvider implements CommandProvider {

    private final DecoderLookup decoders;
    private final AcceleratorInstaller accelerators;
    private final Models models;

    /**
     * Creates the provider over the host's decoders and accelerators; {@code models} knows the operator's choices
     * (injected by the host).
     */
    @Inject
    public BenchCommandProvider(Extensions extensions, Models models, SettingsFactory settings) {
        this.decoders = new DecoderLookup(extensions, settings);
        this.accelerators = new AcceleratorInstaller(extensions, settings);
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "bench";
    }

    @Override
    public String description() {
        return "polis bench: time to first token, decode tokens/s and the memory-bandwidth bound of a checkpoint";
    }

    @Override
    public Object newCommand() {
        return new BenchCommand(decoders, accelerators, models.operatorChoices());
    }
}
