package dev.polis.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.polis.api.PolisException;
import dev.polis.api.cli.CommandProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code polis} command line: global options, the core subcommands ({@code plugins}, {@code doctor},
 * {@code run}) and the subcommands that plugins contribute.
 *
 * <p>The plugin host starts only for commands that need it; plugin subcommands are looked up only when
 * the command named is not a core one. Every error is reported by {@link CliErrorHandler}, which chooses
 * the exit status listed in {@link ExitCodes}.
 */
@Command(name = "polis", mixinStandardHelpOptions = true, versionProvider = PolisVersionProvider.class,
        description = "Builds and measures societies of LLM agents.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Run 'polis COMMAND --help' for the options of a command.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:a check, a run or Polis itself failed",
            "2:the command line or an input (a configuration file, an option) was wrong"})
public final class PolisCli implements Callable<Integer> {

    /** The subcommands sdk-core owns; running one of them never needs the plugin subcommands. */
    static final Set<String> CORE_COMMANDS = Set.of("plugins", "doctor", "run");

    // Parsed for validation and help only: EarlyArguments reads the same options before picocli runs.
    @Option(names = EarlyArguments.PLUGINS_DIR, paramLabel = "<dir>", scope = ScopeType.INHERIT,
            description = "Also search <dir> for plugins (repeatable; POLIS_PLUGINS_DIR adds more;"
                    + " ./plugins when no folder is given at all).")
    private List<Path> pluginDirs = new ArrayList<>();

    @Option(names = EarlyArguments.VERBOSE, scope = ScopeType.INHERIT,
            description = "Log debug messages and print stack traces of errors.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private PolisCli() {
    }

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line with the given output streams and returns the exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, System.getenv());
    }

    /**
     * Runs the command line as {@link #execute(String[], PrintStream, PrintStream)} does, seeing {@code environment}
     * instead of the process's: plugin folders, {@code ${NAME}} substitution and the operator's {@code POLIS_*} overrides.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        EarlyArguments early = EarlyArguments.scan(args);
        CliLogging.configure(early.verbose());
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CliErrorHandler errors = new CliErrorHandler(early.verbose());
        List<Path> dirs = PluginDirectories.resolve(early.pluginDirs(), environment,
                System.getProperty(PluginDirectories.PROPERTY));
        try (CliContext context = new CliContext(outWriter, errWriter, early.verbose(), dirs, environment)) {
            CommandLine cli = commandLine(context, needsPluginCommands(early));
            cli.setOut(outWriter)
                    .setErr(errWriter)
                    .setExecutionExceptionHandler(errors)
                    .setParameterExceptionHandler(errors)
                    .setExecutionStrategy(new PluginContextExecution());
            return cli.execute(args);
        } catch (RuntimeException e) {
            return errors.report(e, errWriter);
        } catch (LinkageError e) {
            return errors.report(new PolisException("a class could not be loaded (" + e
                    + "); a plugin is missing a library or was built for another Polis", e), errWriter);
        }
    }

    private static CommandLine commandLine(CliContext context, boolean withPluginCommands) {
        CommandLine cli = new CommandLine(new PolisCli());
        cli.addSubcommand(new PluginsCommand(context));
        cli.addSubcommand(new DoctorCommand(context));
        cli.addSubcommand(new RunCommand(context));
        cli.addSubcommand(new CommandLine(new PluginCommand()).addSubcommand(new PluginNewCommand(context)));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        if (withPluginCommands) {
            addPluginCommands(cli, context);
        }
        return cli;
    }

    private static boolean needsPluginCommands(EarlyArguments early) {
        return early.commandName()
                .map(name -> !CORE_COMMANDS.contains(name))
                .orElse(!early.versionRequested());
    }

    private static void addPluginCommands(CommandLine cli, CliContext context) {
        PrintWriter err = context.err();
        try {
            List<String> warnings = PluginCommands.register(cli, context.host().extensions(CommandProvider.class));
            warnings.forEach(warning -> err.println("polis: warning: " + warning));
        } catch (RuntimeException | LinkageError e) {
            err.println("polis: warning: plugin commands are unavailable because the plugins could not be loaded: "
                    + e + (context.verbose() ? "" : " (run with --verbose for the stack trace)"));
            if (context.verbose()) {
                e.printStackTrace(err);
            }
        }
    }

    /** Runs when no subcommand is given: prints the usage and reports a usage error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("polis: no command given; choose one of the commands below.");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }
}
