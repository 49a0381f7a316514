package dev.polis.core.cli;

import java.util.concurrent.Callable;
import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command contributed from the test class path, to show that plugin subcommands reach {@code polis}. */
@Extension
public class HelloCommandProvider implements CommandProvider {

    /** The subcommand name this provider contributes. */
    public static final String ID = "hello-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Object newCommand() {
        return new Hello();
    }

    /** Greets the name given, so tests can see the command ran with its arguments. */
    @Command(description = "Says hello (a test command).")
    static final class Hello implements Callable<Integer> {

        @Parameters(index = "0", defaultValue = "world")
        private String name;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("hello, " + name);
            return 0;
        }
    }
}
