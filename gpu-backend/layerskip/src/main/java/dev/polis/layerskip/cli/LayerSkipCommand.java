package dev.polis.layerskip.cli;

import java.util.Objects;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.chat.InferenceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis layerskip}: groups the LayerSkip tools. */
@Command(name = "layerskip", description = "LayerSkip tools.", subcommands = LayerSkipBenchCommand.class,
        mixinStandardHelpOptions = true)
public final class LayerSkipCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final SettingsFactory settings;
    private final InferenceOptions operator;

    /**
     * Creates the command; its subcommands make decoder settings with {@code settings} and run on the device
     * {@code operator} chose when no {@code --device} is given.
     */
    public LayerSkipCommand(SettingsFactory settings, InferenceOptions operator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    /** Returns the operator's inference choices ({@code POLIS_DEVICE}, ...), as the host resolved them. */
    InferenceOptions operator() {
        return operator;
    }

    /** Returns the factory the subcommands make decoder settings with. */
    SettingsFactory settings() {
        return settings;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
