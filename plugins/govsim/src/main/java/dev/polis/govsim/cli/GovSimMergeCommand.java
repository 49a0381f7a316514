package dev.polis.govsim.cli;

import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.report.SummaryTable;
import dev.polis.govsim.report.SweepResults;
import dev.polis.govsim.sweep.MergedSweep;
import dev.polis.govsim.sweep.RunOutcome;
import dev.polis.govsim.sweep.RunSpec;
import dev.polis.govsim.sweep.SweepMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code polis govsim merge}: joins the runs of a sharded sweep into one summary, Table 1 and report. */
@Command(name = "merge", description = {
    "Joins the runs that the shards of one sweep wrote (one shared -o folder, or one folder per machine) into",
    "summary.csv, summary.json and report.html, and lists the runs that are missing or failed. Exit 1 when any",
    "run is missing or failed, 2 when the folders hold different sweep plans."}, mixinStandardHelpOptions = true)
final class GovSimMergeCommand implements Callable<Integer> {

    @ParentCommand
    GovSimCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "the sweep folders (-o) of the shards")
    List<Path> sweeps;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "where the merged summary and report go (default: the first FOLDER)")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MergedSweep merged = new SweepMerge(parent.folders()).merge(sweeps);
        Path target = output != null ? output : sweeps.getFirst();
        merged.plan().record(target, true);
        List<TableRow> rows = SweepResults.write(target, "GovSim sweep", merged.outcomes());
        long finished = merged.outcomes().stream().filter(RunOutcome::finished).count();
        out.printf(Locale.ROOT, "GovSim merge: plan %s, %d runs: %d finished, %d failed, %d missing%n%n",
                merged.plan().shortFingerprint(), merged.plan().runs().size(), finished, merged.failed().size(),
                merged.missing().size());
        out.print(SummaryTable.format(rows));
        out.printf("%nReport:  %s%nSummary: %s%n", target.resolve("report.html").toAbsolutePath(),
                target.resolve("summary.csv").toAbsolutePath());
        if (!merged.missing().isEmpty()) {
            out.printf(Locale.ROOT, "%nMissing runs (%d; no folder holds them: run their shards, then merge again):%n",
                    merged.missing().size());
            merged.missing().forEach(run -> out.printf(Locale.ROOT, "  %s (plan position %d)%n", run.id(),
                    position(merged, run)));
        }
        if (!merged.failed().isEmpty()) {
            out.printf(Locale.ROOT, "%nFailed runs (%d; rerun their shards' command to resume them):%n",
                    merged.failed().size());
            merged.failed().forEach(o -> out.printf(Locale.ROOT, "  %s: %s%n", o.spec().id(), o.error()));
        }
        out.flush();
        return merged.complete() ? 0 : 1;
    }

    private static int position(MergedSweep merged, RunSpec run) {
        return merged.plan().runs().indexOf(run);
    }
}
