package dev.polis.core.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.LoadedExtension;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds the subcommands that {@link CommandProvider} extensions contribute, each named by its extension id.
 *
 * <p>A command that cannot be added (its name is taken, it declares a global option, its object is not a
 * valid picocli command, or creating it failed) is skipped with a warning; the others are still added.
 */
final class PluginCommands {

    /** Option names every polis command accepts, so plugin commands must not declare them. */
    static final Set<String> RESERVED_OPTIONS = Set.of(EarlyArguments.VERBOSE, EarlyArguments.PLUGINS_DIR);

    private PluginCommands() {
    }

    /**
     * Adds one subcommand per provider to {@code root}.
     *
     * @return one warning per provider that was skipped, saying why and what to change
     */
    static List<String> register(CommandLine root, List<LoadedExtension<CommandProvider>> providers) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        root.getSubcommands().keySet().forEach(name -> owners.put(name, "polis itself"));
        for (LoadedExtension<CommandProvider> provider : providers) {
            String name = provider.id();
            String origin = "plugin command '" + name + "' (from " + provider.pluginId() + ")";
            String owner = owners.get(name);
            if (owner != null) {
                warnings.add(origin + " is skipped: the name is already used by " + owner
                        + "; give the CommandProvider another id");
                continue;
            }
            try {
                CommandLine command = new CommandLine(provider.instance().newCommand());
                String reserved = reservedOptionIn(command.getCommandSpec());
                if (reserved != null) {
                    warnings.add(origin + " is skipped: it declares " + reserved
                            + ", which polis reserves for all commands; rename that option");
                    continue;
                }
                addHelpOption(command.getCommandSpec());
                root.addSubcommand(name, command);
                owners.put(name, "plugin " + provider.pluginId());
            } catch (CommandLine.InitializationException e) {
                warnings.add(origin + " is skipped: it is not a valid picocli command: " + e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                warnings.add(origin + " is skipped: creating it failed: " + e);
            }
        }
        return warnings;
    }

    private static String reservedOptionIn(CommandSpec spec) {
        for (String option : RESERVED_OPTIONS) {
            if (spec.optionsMap().containsKey(option)) {
                return option;
            }
        }
        return null;
    }

    /**
     * Gives a plugin command and each of its subcommands, at any depth, {@code -h}/{@code --help} where it has no help
     * option of its own (picocli's standard help options are not inherited by subcommands).
     */
    private static void addHelpOption(CommandSpec spec) {
        spec.subcommands().values().forEach(sub -> addHelpOption(sub.getCommandSpec()));
        boolean hasHelp = spec.options().stream().anyMatch(OptionSpec::usageHelp);
        if (hasHelp || spec.optionsMap().containsKey("--help")) {
            return;
        }
        String[] names = spec.optionsMap().containsKey("-h") ? new String[] {"--help"} : new String[] {"-h", "--help"};
        spec.addOption(OptionSpec.builder(names).usageHelp(true)
                .description("Show this help message and exit.").build());
    }
}
