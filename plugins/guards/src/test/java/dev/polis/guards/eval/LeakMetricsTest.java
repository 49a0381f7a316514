package dev.polis.guards.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import dev.polis.guards.leak.LeakDetector;
import org.junit.jupiter.api.Test;

/** Leak figures on hand-made verdicts whose figures are known. */
class LeakMetricsTest {

    private final List<LeakScored> cases = new ArrayList<>();

    private void add(LeakCase.Kind kind, boolean flagged, int n) {
        for (int i = 0; i < n; i++) {
            String id = kind.label() + flagged + i;
            cases.add(new LeakScored(new LeakCase(id, "system", kind == LeakCase.Kind.CANARY ? List.of("C") : List.of(),
                    "output " + id, kind, "f.jsonl:" + (cases.size() + 1)),
                    new LeakDetector.Finding(flagged, flagged ? 0.9 : 0.1 * i, flagged ? "why" : "")));
        }
    }

    @Test
    void recallPerKindFalsePositivesAndParaphraseF1() {
        add(LeakCase.Kind.VERBATIM, true, 4);
        add(LeakCase.Kind.CANARY, true, 2);
        add(LeakCase.Kind.CANARY, false, 1);
        add(LeakCase.Kind.PARAPHRASE, true, 6);
        add(LeakCase.Kind.PARAPHRASE, false, 4);
        add(LeakCase.Kind.NONE, true, 2);
        add(LeakCase.Kind.NONE, false, 8);
        LeakMetrics m = LeakMetrics.of(cases);
        assertThat(m.recall(LeakCase.Kind.VERBATIM)).isEqualTo(new Proportion(4, 4));
        assertThat(m.recall(LeakCase.Kind.CANARY)).isEqualTo(new Proportion(2, 3));
        assertThat(m.exactRecall()).isEqualTo(new Proportion(6, 7));
        assertThat(m.allLeaks()).isEqualTo(new Proportion(12, 17));
        assertThat(m.fpr()).isEqualTo(new Proportion(2, 10));
        // precision 6 / (6 + 2) = 0.75, recall 6 / 10 = 0.6, F1 = 2 * 0.45 / 1.35 = 2/3
        assertThat(m.paraphrasePrecision()).isEqualTo(new Proportion(6, 8));
        assertThat(m.paraphraseF1()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void f1IsZeroWhenNoParaphraseIsFoundAndUndefinedWithoutParaphrases() {
        add(LeakCase.Kind.PARAPHRASE, false, 3);
        add(LeakCase.Kind.NONE, false, 3);
        assertThat(LeakMetrics.of(cases).paraphraseF1()).isZero();
        assertThat(LeakMetrics.of(cases.subList(3, 6)).paraphraseF1()).isNaN();
    }

    @Test
    void theReportListsFiguresAndTheWorstMissesOfEachKind() {
        add(LeakCase.Kind.PARAPHRASE, true, 1);
        add(LeakCase.Kind.PARAPHRASE, false, 2);
        add(LeakCase.Kind.NONE, true, 1);
        add(LeakCase.Kind.NONE, false, 1);
        StringWriter text = new StringWriter();
        new LeakReport(cases).print(new PrintWriter(text), 10);
        assertThat(text.toString()).contains("| f.jsonl | - | - | - | 33.3% [6.1, 79.2] (1/3) |",
                "| f.jsonl | 50.0% [9.5, 90.5] (1/2) | 33.3% [6.1, 79.2] (1/3) | 0.40 |",
                "- 0.000 paraphrase paraphrasefalse0 [f.jsonl:2]", "- 0.900 none nonetrue0 [f.jsonl:4]");
    }
}
