package dev.polis.layerskip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Prompts are cut to their last whole lines within the byte budget. */
class PromptTailTest {

    @Test
    void keepsTheLastWholeLinesThatFit() {
        String prompt = "first line that is long enough to matter\n    int count = values.length; // the size\n"
                + "    for (int i = 0; i < count; i++) {\n";
        String tail = PromptTail.cut(prompt, 90);
        assertThat(tail).isEqualTo("    int count = values.length; // the size\n    for (int i = 0; i < count; i++) {\n");
        assertThat(PromptTail.cut(prompt, 1000)).isEqualTo(prompt);
    }

    @Test
    void fallsBackToTheLastBytesAtACharacterBoundary() {
        String prompt = "x".repeat(100) + "\nshort\n";
        String tail = PromptTail.cut(prompt, 20);
        assertThat(tail.getBytes(StandardCharsets.UTF_8)).hasSize(20);
        assertThat(tail).endsWith("\nshort\n");
        String accented = "é".repeat(30);
        String cut = PromptTail.cut(accented, 21);
        assertThat(cut).isEqualTo("é".repeat(10));
    }
}
