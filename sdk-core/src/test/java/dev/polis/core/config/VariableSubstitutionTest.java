package dev.polis.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

    private final VariableSubstitution substitution = new VariableSubstitution(
            Map.of("HOST", "localhost", "OPENAI_API_KEY", "sk-123", "EMPTY", ""));

    @Test
    void replacesVariablesAndDefaults() {
        SubstitutedText result = substitution.substitute(
                "url: http://${HOST}:${PORT:-8080}/v1\nname: ${NAME:-}\n", "p.yaml");
        assertThat(result.text()).isEqualTo("url: http://localhost:8080/v1\nname: \n");
    }

    @Test
    void setVariableWinsOverDefaultEvenWhenEmpty() {
        assertThat(substitution.substitute("a: '${EMPTY:-x}'", "p.yaml").text()).isEqualTo("a: ''");
    }

    @Test
    void missingVariableNamesVariableFileAndLine() {
        assertThatThrownBy(() -> substitution.substitute("a: 1\nb: 2\nkey: ${MISSING_VAR}\n", "pipeline.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pipeline.yaml:3:6: environment variable MISSING_VAR is not set; set it or give a "
                        + "default as ${MISSING_VAR:-value}");
    }

    @Test
    void unclosedReferenceIsReported() {
        assertThatThrownBy(() -> substitution.substitute("a: ${HOST\nb: }", "p.yaml"))
                .hasMessageStartingWith("p.yaml:1:4: '${' is not closed");
    }

    @Test
    void commentLinesAndEscapesAreLeftAlone() {
        String text = "# key: ${NOT_SET}\n  # ${ALSO_NOT_SET}\nliteral: $${HOST}\n";
        assertThat(substitution.substitute(text, "p.yaml").text())
                .isEqualTo("# key: ${NOT_SET}\n  # ${ALSO_NOT_SET}\nliteral: ${HOST}\n");
    }

    @Test
    void remembersSecretValuesOnly() {
        SubstitutedText result = substitution.substitute("k: ${OPENAI_API_KEY}\nh: ${HOST}\n", "p.yaml");
        assertThat(result.secrets()).containsExactly(Map.entry("OPENAI_API_KEY", "sk-123"));
        assertThat(VariableSubstitution.isSecret("GITHUB_TOKEN")).isTrue();
        assertThat(VariableSubstitution.isSecret("db_password")).isTrue();
        assertThat(VariableSubstitution.isSecret("MY_SECRET")).isTrue();
        assertThat(VariableSubstitution.isSecret("HOST")).isFalse();
    }
}
