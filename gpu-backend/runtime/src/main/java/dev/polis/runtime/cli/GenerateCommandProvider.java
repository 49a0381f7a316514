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

/** Contributes {@code polis generate}, which streams text from a local checkpoint to the terminal. */
@Extension
public final class GenerateCommandProvider implements CommandProvider {

    private final DecoderLookup decoders;
    private final AcceleratorInstaller accelerators;
    private final Models models;

    /**
     * Creates the provider over the host's decoders and accelerators; {@code models} knows the operator's choices
     * (injected by the host).
     */
    @Inject
    public GenerateCommandProvider(Extensions extensions, Models models, SettingsFactory settings) {
        this.decoders = new DecoderLookup(extensions, settings);
        this.accelerators = new AcceleratorInstaller(extensions, settings);
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "generate";
    }

    @Override
    public String description() {
        return "polis generate: stream text from a local checkpoint (raw prompt or chat)";
    }

    @Override
    public Object newCommand() {
        return new GenerateCommand(decoders, accelerators, models.operatorChoices());
    }
}
