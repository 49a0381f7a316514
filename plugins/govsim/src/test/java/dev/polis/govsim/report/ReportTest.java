package dev.polis.govsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.run.Progress;
import dev.polis.core.host.HostRunFolders;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.sweep.AgentFactory;
import dev.polis.govsim.sweep.RunOutcome;
import dev.polis.govsim.sweep.SocietySpec;
import dev.polis.govsim.sweep.SweepOptions;
import dev.polis.govsim.sweep.SweepPlan;
import dev.polis.govsim.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep outputs: report.html is self-contained with its plots; the table and files are written. */
class ReportTest {

    @TempDir
    Path out;

    @Test
    void reportIsSelfContainedAndHasThePlots() throws Exception {
        SweepPlan plan = new SweepPlan(List.of(SocietySpec.parse("mixed=universalization*4,greedy"),
                SocietySpec.parse("fixed=fixed:10")), List.of(Experiment.DEFAULT, Experiment.parse("no-communication")),
                List.of(Scenario.FISHERY, Scenario.POLLUTION), List.of(1L, 2L, 3L));
        List<RunOutcome> outcomes = new SweepRunner(new SweepOptions(out, 2, false, null, null), AgentFactory.policies(),
                new HostRunFolders()).run(plan, (t, n) -> Progress.silent());
        var rows = Groups.rows(outcomes);
        Path report = out.resolve("report.html");
        HtmlReport.write(report, "test", outcomes, rows);
        SummaryFiles.write(out, outcomes, rows);
        String html = Files.readString(report);
        assertThat(html).doesNotContainPattern("(?i)(https?:|src=|href=|@import|url\\()");
        assertThat(html).contains("<svg", "Resource before harvest", "Harvest per agent", "Kaplan–Meier",
                "Survival time distribution", "Mayor:", "(no discussion)");
        assertThat(rows).hasSize(4);
        String table = SummaryTable.format(rows);
        assertThat(table).contains("Surv. rate", "fixed", "100.0", "12.0±0.0", "120.0±0.0");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(1 + 24);
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"survival_time\"");
    }

    @Test
    void kaplanMeierCensorsSurvivors() {
        double[] s = KaplanMeier.curve(new int[] {1, 3, 12, 12}, new boolean[] {true, true, false, false}, 12);
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isEqualTo(0.75);
        assertThat(s[3]).isEqualTo(0.5);
        assertThat(s[12]).isEqualTo(0.5);
    }
}
