package dev.polis.core.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.core.Polis;
import dev.polis.core.PolisBuilder;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.core.pipeline.RunResult;
import dev.polis.core.pipeline.SeedSweep;
import dev.polis.api.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Implements {@code polis run}: runs a pipeline file, or the built-in default pipeline when none is given,
 * and prints the run folder and the run's metrics.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a pipeline file (the built-in default pipeline when none is given) and prints"
                + " the run folder and its metrics; with --seeds, one run per seed and a summary over them.")
final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<config>",
            description = "A YAML or JSON pipeline file; leave it out to run the built-in default pipeline.")
    private Path config;

    @Option(names = "--seeds", paramLabel = "<seeds>",
            description = "Play the pipeline once per seed (1-5, 1,3,9): runs <run.id or file name>-seed<k>, a seed"
                    + " whose run finished before is skipped (resume), then a summary over the seeds and"
                    + " <output>/<run.id or file name>-sweep.csv.")
    private String seeds;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (config != null) {
            requirePipelineFile(config);
        }
        PolisBuilder builder = Polis.builder().classpathExtensions(true).environment(context.environment());
        context.pluginDirs().forEach(builder::pluginsDir);
        Polis polis = builder.build();
        try {
            if (seeds != null) {
                List<Long> list = SeedSweep.parseSeeds("--seeds", seeds);
                ResolvedPipeline pipeline = config == null ? polis.configurations().loadDefault()
                        : polis.configurations().load(config);
                return SweepOutput.print(pipeline, SeedSweep.run(pipeline, base(config), list, polis::run),
                        context.out());
            }
            RunResult result = config == null ? polis.runDefault() : polis.run(config);
            print(result, context.out());
            return result.status() == RunStatus.FINISHED ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            context.closeAndWarn(polis, "stopping the plugins");
        }
    }

    private static void print(RunResult result, PrintWriter out) {
        out.println(result.summary());
        if (result.metrics().isEmpty()) {
            return;
        }
        TextTable table = new TextTable("METRIC", "VALUE");
        new TreeMap<>(result.metrics()).forEach((name, value) -> table.row(name, format(value)));
        out.println();
        table.print(out);
    }

    /** Returns the run ids' prefix of a sweep without {@code run.id}: the file's name without extension. */
    static String base(Path file) {
        if (file == null) {
            return "default";
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Shows a metric with up to six significant digits, without trailing zeros; an undefined one reads n/a. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Fails with a message a user can act on when {@code file} is not a readable file. */
    static void requirePipelineFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("pipeline file expected, but " + file + " is a folder"
                    + " (give the path of a YAML or JSON pipeline file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("pipeline file not found: " + file.toAbsolutePath().normalize()
                    + " (give the path of a YAML or JSON pipeline file, or leave it out to run the built-in"
                    + " default pipeline)");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("pipeline file " + file + " cannot be read (check its permissions)");
        }
    }
}
