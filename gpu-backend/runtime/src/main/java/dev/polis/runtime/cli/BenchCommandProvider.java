package dev.polis.runtime.cli;

import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code polis bench}, which measures prefill and decode speed of a local checkpoint. */
@Extension
public final class BenchCommandProvider implements CommandProvider {

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
        return new BenchCommand();
    }
}
