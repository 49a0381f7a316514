package dev.polis.core.cli;

import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs the chosen subcommand with its own class loader as the thread context class loader, so a command
 * contributed by a plugin finds the plugin's resources and services the way the rest of the plugin does.
 */
final class PluginContextExecution implements IExecutionStrategy {

    private final IExecutionStrategy delegate = new RunLast();

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        ClassLoader loader = last.commandSpec().userObject().getClass().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return delegate.execute(parseResult);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
