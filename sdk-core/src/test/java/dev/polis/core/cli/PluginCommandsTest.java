package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.LoadedExtension;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks that plugin commands are added, and that each kind of bad one is skipped with a warning. */
class PluginCommandsTest {

    @Command(name = "root", subcommands = Core.class)
    static final class Root implements Runnable {
        @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT)
        boolean verbose;

        @Override
        public void run() {
        }
    }

    @Command(name = "doctor")
    static final class Core implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command
    static final class Plain implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "nested")
    static final class Nested implements Runnable {
        @Option(names = "--model", required = true)
        String model;

        @Override
        public void run() {
        }
    }

    @Command(subcommands = Nested.class)
    static final class WithNested implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command
    static final class ClaimsVerbose implements Runnable {
        @Option(names = "--verbose")
        boolean mine;

        @Override
        public void run() {
        }
    }

    private static LoadedExtension<CommandProvider> provider(String id, Supplier<Object> command) {
        CommandProvider provider = new CommandProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Object newCommand() {
                return command.get();
            }
        };
        return new LoadedExtension<>(CommandProvider.class, id, "test-plugin", 0, provider);
    }

    private final CommandLine root = new CommandLine(new Root());

    @Test
    void addsEachCommandUnderItsIdWithAHelpOption() {
        List<String> warnings = PluginCommands.register(root, List.of(provider("govsim", Plain::new)));

        assertThat(warnings).isEmpty();
        assertThat(root.getSubcommands()).containsKey("govsim");
        assertThat(root.getSubcommands().get("govsim").getCommandSpec().optionsMap()).containsKey("--help");
    }

    @Test
    void aNestedSubcommandGetsAHelpOptionThatWorksWithoutItsRequiredOptions() {
        PluginCommands.register(root, List.of(provider("mindsearch", WithNested::new)));
        java.io.StringWriter out = new java.io.StringWriter();
        root.setOut(new java.io.PrintWriter(out));

        int status = root.execute("mindsearch", "nested", "-h");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("--model", "-h, --help");
    }

    @Test
    void clashWithACoreCommandIsReportedAndTheOthersAreStillAdded() {
        List<String> warnings = PluginCommands.register(root,
                List.of(provider("doctor", Plain::new), provider("serve", Plain::new)));

        assertThat(warnings).singleElement().asString()
                .contains("plugin command 'doctor' (from test-plugin) is skipped", "polis itself");
        assertThat(root.getSubcommands()).containsKey("serve");
        assertThat(root.getSubcommands().get("doctor").getCommandSpec().userObject()).isInstanceOf(Core.class);
    }

    @Test
    void clashBetweenTwoPluginsKeepsTheFirst() {
        List<String> warnings = PluginCommands.register(root,
                List.of(provider("serve", Plain::new), provider("serve", Plain::new)));

        assertThat(warnings).singleElement().asString().contains("already used by plugin test-plugin");
    }

    @Test
    void reservedGlobalOptionIsReported() {
        List<String> warnings = PluginCommands.register(root, List.of(provider("bench", ClaimsVerbose::new)));

        assertThat(warnings).singleElement().asString().contains("declares --verbose");
        assertThat(root.getSubcommands()).doesNotContainKey("bench");
    }

    @Test
    void failingOrInvalidCommandsAreReported() {
        List<String> warnings = PluginCommands.register(root, List.of(
                provider("broken", () -> {
                    throw new IllegalStateException("no model folder");
                }),
                provider("not-a-command", Object::new)));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'broken'", "creating it failed", "no model folder");
        assertThat(warnings.get(1)).contains("'not-a-command'", "not a valid picocli command");
    }
}
