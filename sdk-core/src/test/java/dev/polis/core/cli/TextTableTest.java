package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Checks the column layout of command output tables. */
class TextTableTest {

    @Test
    void padsColumnsToTheWidestCellAndLeavesTheLastOneUnpadded() {
        StringWriter text = new StringWriter();

        new TextTable("ID", "STATE").row("example-commons", "STARTED").row("x", "FAILED").print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "ID               STATE",
                "example-commons  STARTED",
                "x                FAILED");
    }
}
