package dev.polis.lazyllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One bench cell's figures from hand-made pairs of generations. */
class ScheduleResultTest {

    @Test
    void firstTokenAgreementIsAlsoCountedOverThePromptsWhoseNeedleTheDenseModelRetrieves() {
        ScheduleResult cell = new ScheduleResult("1:0.2", 2048);
        cell.add(generation(10, "K#1a"), generation(5, "K#1a"), "K#1a", 0.4);   // retrieved, agrees
        cell.add(generation(10, "Z#1a"), generation(5, "#1a."), "Z#1a", 0.4);   // retrieved, first token differs
        cell.add(generation(10, "abcd"), generation(4, "abce"), "Q0=0", 0.4);   // not retrieved, agrees
        cell.add(generation(10, "abcd"), generation(4, "xbcd"), "Q0=0", 0.4);   // not retrieved, differs
        assertThat(cell.line("lazyllm")).contains("first token agrees 2/4 (where dense retrieves 1/2)")
                .contains("continuation identical 1/4").contains("retrieval dense 2/4, lazyllm 1/4")
                .contains("2.25x (median of 4 paired ratios)")
                .as("whole generations: 13 ms against 8, 8, 7, 7").contains("whole generation 1.74x");
        assertThat(cell.json("greedy")).contains("\"firstTokenAgreement\":0.5000,")
                .contains("\"firstTokenAgreementWhereDenseRetrieves\":0.5000,");
    }

    @Test
    void aCellWhereTheDenseModelRetrievesNothingReportsZeroOfZero() {
        ScheduleResult cell = new ScheduleResult("2:0.2", 512);
        cell.add(generation(3, "abcd"), generation(1, "abcd"), "Q0=0", 0.5);
        assertThat(cell.line("lazyllm")).contains("first token agrees 1/1 (where dense retrieves 0/0)");
        assertThat(cell.json("greedy")).contains("\"firstTokenAgreementWhereDenseRetrieves\":0.0000,");
    }

    private static TimedGeneration generation(double ttftMillis, String text) {
        return new TimedGeneration(ttftMillis, 1, text.chars().toArray());
    }
}
