package dev.polis.govsim.report;

import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.sweep.RunOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what a sweep ends with into one folder: {@code summary.csv}, {@code summary.json} and {@code report.html}
 * (a whole sweep and a merge write the sweep folder; a shard writes its own folder under {@code shards/}).
 */
public final class SweepResults {

    private SweepResults() {
    }

    /** Writes the three files for {@code outcomes} (in plan order) into {@code folder} and returns the table rows. */
    public static List<TableRow> write(Path folder, String title, List<RunOutcome> outcomes) {
        List<TableRow> rows = Groups.rows(outcomes);
        SummaryFiles.write(folder, outcomes, rows);
        HtmlReport.write(folder.resolve("report.html"), title, outcomes, rows);
        return rows;
    }
}
