package dev.polis.lazyllm.cli;

import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis lazyllm}: groups the LazyLLM tools. */
@Command(name = "lazyllm", description = "LazyLLM tools.", subcommands = {BenchCommand.class, CorpusCommand.class},
        mixinStandardHelpOptions = true)
public final class LazyLlmCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final String operatorDevice;
    private final Extensions extensions;
    private final SettingsFactory settings;

    /**
     * Creates the command; its subcommands run on {@code operatorDevice} (may be null) unless told otherwise, and
     * find decoders in {@code extensions}, their settings made by {@code settings}.
     */
    public LazyLlmCommand(String operatorDevice, Extensions extensions, SettingsFactory settings) {
        this.operatorDevice = operatorDevice;
        this.extensions = extensions;
        this.settings = settings;
    }

    /** Returns the host's extensions (the bench looks its decoder up there). */
    Extensions extensions() {
        return extensions;
    }

    /** Returns the factory of settings blocks. */
    SettingsFactory settings() {
        return settings;
    }

    /** Returns the device the operator chose ({@code POLIS_DEVICE}), or null. */
    String operatorDevice() {
        return operatorDevice;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
