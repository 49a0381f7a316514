package dev.polis.govsim.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void insertsValues() {
        assertThat(PromptTemplate.parse("t", "Hello {{name}}, {{ n }} tons.\n").render(Map.of("name", "Kate", "n", 10)))
                .isEqualTo("Hello Kate, 10 tons.");
    }

    @Test
    void sectionsKeepTheirTextOnlyWhenTheValueIsSet() {
        PromptTemplate t = PromptTemplate.parse("t", "A{{#on}}B{{/on}}{{^on}}C{{/on}}D");

        assertThat(t.render(Map.of("on", true))).isEqualTo("ABD");
        assertThat(t.render(Map.of("on", false))).isEqualTo("ACD");
        assertThat(t.render(Map.of("on", ""))).isEqualTo("ACD");
        assertThat(t.render(Map.of("on", "  "))).isEqualTo("ACD");
        assertThat(t.render(Map.of("on", List.of("x")))).isEqualTo("ABD");
        assertThat(t.render(Map.of("on", 0))).isEqualTo("ACD");
    }

    @Test
    void standaloneTagsTakeTheirLineBreakAndCommentsVanish() {
        PromptTemplate t = PromptTemplate.parse("t", "first\n{{#goal}}\n{{goal}}\n{{/goal}}\n{{! a note }}\nlast\n");

        assertThat(t.render(Map.of("goal", "Be kind."))).isEqualTo("first\nBe kind.\nlast");
        assertThat(t.render(Map.of("goal", ""))).isEqualTo("first\nlast");
    }

    @Test
    void errorsNameTheTemplateAndTheProblem() {
        assertThatThrownBy(() -> PromptTemplate.parse("my.txt", "{{#a}}x").render(Map.of("a", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("my.txt").hasMessageContaining("'a'");
        assertThatThrownBy(() -> PromptTemplate.parse("my.txt", "{{#a}}x{{/b}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("{{/b}}");
        assertThatThrownBy(() -> PromptTemplate.parse("my.txt", "{{pool}}").render(Map.of("name", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("{{pool}}")
                .hasMessageContaining("rename it to one of: name");
    }

    @Test
    void aMisspeltNameIsFoundEvenInASectionThatIsNotRendered() {
        PromptTemplate t = PromptTemplate.parse("pack/rules.txt", "Hi {{name}}.{{#communication}} Talk to {{otherz}}.{{/communication}}");

        assertThat(t.names()).containsExactly("communication", "name", "otherz");
        assertThatThrownBy(() -> t.render(Map.of("name", "Kate", "communication", false, "others", "Jack")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pack/rules.txt")
                .hasMessageContaining("{{otherz}}").hasMessageContaining("others");
    }
}
