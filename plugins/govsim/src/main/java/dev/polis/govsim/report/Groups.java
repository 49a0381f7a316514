package dev.polis.govsim.report;

import dev.polis.govsim.metrics.Aggregation;
import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.sweep.RunOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a sweep's finished runs into table rows: one per society and experiment. */
public final class Groups {

    private Groups() {
    }

    /** Returns the finished outcomes by {@code society | experiment}, in sweep order. */
    public static Map<String, List<RunOutcome>> bySocietyAndExperiment(List<RunOutcome> outcomes) {
        Map<String, List<RunOutcome>> groups = new LinkedHashMap<>();
        for (RunOutcome outcome : outcomes) {
            if (outcome.finished()) {
                groups.computeIfAbsent(outcome.spec().society().name() + " | " + outcome.spec().experiment().id(),
                        k -> new ArrayList<>()).add(outcome);
            }
        }
        return groups;
    }

    /** Returns the table rows of the finished outcomes. */
    public static List<TableRow> rows(List<RunOutcome> outcomes) {
        List<TableRow> rows = new ArrayList<>();
        bySocietyAndExperiment(outcomes).forEach((key, runs) -> rows.add(Aggregation.row(
                runs.get(0).spec().society().name(), runs.get(0).spec().experiment().id(),
                runs.stream().map(r -> new Aggregation.ScenarioRun(r.spec().scenario().id(), r.metrics())).toList())));
        return rows;
    }
}
