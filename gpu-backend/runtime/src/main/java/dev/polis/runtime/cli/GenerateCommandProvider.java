package dev.polis.runtime.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.runtime.chat.DecoderLookup;
import org.pf4j.Extension;

/** Contributes {@code polis generate}, which streams text from a local checkpoint to the terminal. */
@Extension
public final class GenerateCommandProvider implements CommandProvider {

    private final DecoderLookup decoders;

    /** Creates the provider over the host's decoders (injected by the host). */
    @Inject
    public GenerateCommandProvider(ExtensionRegistry registry) {
        this(DecoderLookup.using(registry));
    }

    /** Creates the provider over any decoder lookup, for tests and embedding. */
    public GenerateCommandProvider(DecoderLookup decoders) {
        this.decoders = Objects.requireNonNull(decoders, "decoders");
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
        return new GenerateCommand(decoders);
    }
}
