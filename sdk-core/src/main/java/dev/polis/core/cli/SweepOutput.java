package dev.polis.core.cli;

import dev.polis.core.config.ResolvedPipeline;
import dev.polis.core.pipeline.SeedSweep;
import dev.polis.core.pipeline.SweepReport;
import dev.polis.core.pipeline.SweepSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints what {@code polis run --seeds} did: one line per seed, a metric summary over the seeds, the CSV's and the report's paths. */
final class SweepOutput {

    private SweepOutput() {
    }

    /** Prints the sweep, writes its CSV and returns the exit code: 0 when every seed's run finished, else 1. */
    static int print(ResolvedPipeline pipeline, List<SeedSweep.SeedRun> runs, PrintWriter out) {
        for (SeedSweep.SeedRun run : runs) {
            out.println(run.finished() ? run.result().summary() : "run " + run.runId() + " failed: " + run.error());
        }
        long done = runs.stream().filter(SeedSweep.SeedRun::finished).count();
        long skipped = runs.stream().filter(r -> r.finished() && r.result().alreadyFinished()).count();
        out.printf("%nSweep: %d seeds, %d finished (%d already before), %d failed%n%n", runs.size(), done, skipped,
                runs.size() - done);
        TextTable table = new TextTable("METRIC", "MEAN", "MIN", "MAX", "RUNS");
        SweepSummary.of(runs).forEach((name, stat) -> table.row(name, RunCommand.format(stat.mean()),
                RunCommand.format(stat.min()), RunCommand.format(stat.max()), stat.defined() + "/" + stat.runs()));
        table.print(out);
        String prefix = runs.isEmpty() ? "sweep" : runs.get(0).runId().substring(0, runs.get(0).runId().lastIndexOf("-seed"));
        Path csv = pipeline.config().run().outputDirectory().resolve(prefix + "-sweep.csv");
        SweepSummary.writeCsv(csv, runs);
        Path report = pipeline.config().run().outputDirectory().resolve(prefix + "-sweep.html");
        SweepReport.write(report, "Seed sweep " + prefix, runs);
        out.println();
        out.println("Summary: " + csv.toAbsolutePath().normalize());
        out.println("Report:  " + report.toAbsolutePath().normalize());
        out.flush();
        return done == runs.size() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
