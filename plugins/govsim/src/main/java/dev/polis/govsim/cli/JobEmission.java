package dev.polis.govsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the job file {@code polis govsim --emit slurm|k8s} asks for, built from the command's own arguments. */
final class JobEmission {

    private JobEmission() {
    }

    /**
     * Prints the {@code kind} job file for a plan of {@code runs} runs and returns the exit status (0).
     *
     * @param spec   the govsim command, whose original arguments the job repeats (without the job file's options)
     * @param output the sweep folder ({@code -o}) the job writes into
     */
    static int print(PrintWriter out, String kind, ScaleOutOptions options, int runs, CommandSpec spec, Path output) {
        List<String> original = spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        List<String> args = ScaleOutOptions.sweepArguments(original);
        int shards = options.shardCount(runs);
        out.print(kind.equals("slurm")
                ? JobFiles.slurm(args, runs, shards, output.toString(), options.image, options.endpoint)
                : JobFiles.k8s(args, runs, shards, output.toString(), options.image, options.endpoint));
        out.flush();
        return 0;
    }
}
