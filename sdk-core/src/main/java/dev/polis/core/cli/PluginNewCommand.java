package dev.polis.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import dev.polis.core.plugin.PolisVersion;
import dev.polis.core.scaffold.PluginScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polis plugin new <id>}: writes a new plugin project that builds, passes its kits and loads as it is. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Writes a new plugin project (an environment and an agent with their kit tests, the Maven "
                + "wrapper) into a folder of its own; build it there with ./mvnw verify.")
final class PluginNewCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The plugin id, for example coin-game.")
    private String id;

    @Option(names = "--dir", paramLabel = "<folder>", description = "Where to write it (default: ./<id>).")
    private Path dir;

    @Option(names = "--package", paramLabel = "<package>",
            description = "The Java package (default: com.example.<id without '-' and '.'>).")
    private String javaPackage;

    @Option(names = "--group", paramLabel = "<groupId>", description = "The Maven group id (default: com.example).")
    private String group;

    PluginNewCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PluginScaffold.Spec defaults = PluginScaffold.Spec.of(id, PolisVersion.current());
        PluginScaffold.Spec spec = new PluginScaffold.Spec(id, javaPackage == null ? defaults.javaPackage() : javaPackage,
                group == null ? defaults.group() : group, defaults.polisVersion());
        Path folder = dir == null ? Path.of(id) : dir;
        List<Path> files = PluginScaffold.write(spec, folder);
        var out = context.out();
        out.println("Wrote plugin " + id + " (" + files.size() + " files) into " + folder.toAbsolutePath() + ":");
        out.println("  extensions " + id + ".pot (EnvironmentProvider) and " + id + ".share (AgentProvider), package "
                + spec.javaPackage());
        out.println("Next:");
        out.println("  cd " + folder + " && ./mvnw -q verify     # builds target/" + id + "-1.0.0.zip and runs the kits");
        out.println("  (it needs dev.polis:polis-plugin-parent:" + spec.polisVersion() + " in your Maven repository:"
                + " ./mvnw -q install -DskipTests in a Polis checkout)");
        out.flush();
        return 0;
    }
}
