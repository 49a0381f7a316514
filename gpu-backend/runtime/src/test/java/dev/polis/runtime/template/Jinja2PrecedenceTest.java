package dev.polis.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.Message;
import org.junit.jupiter.api.Test;

/** Templates read {@code not X is ...} and {@code strftime_now is defined} as Python's Jinja2 does. */
class Jinja2PrecedenceTest {

    private static final List<Message> HI = List.of(Message.user("hi"));

    @Test
    void everyCaseOfTheJinja2PrecedenceFileRendersAsJinja2RendersIt() throws IOException {
        String cases;
        try (InputStream in = getClass().getResourceAsStream("/templates/jinja2-precedence.txt")) {
            cases = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : cases.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|(?=[{\\[]|[AB]$)");
            Map<String, Object> variables = new ObjectMapper().readValue(parts[1], new TypeReference<>() {
            });
            assertThat(ChatTemplate.of(parts[0], "", "").render(HI, false, variables)).as(line).isEqualTo(parts[2]);
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void theLlamaToolGuardKeepsToolsThatWereGiven() {
        String guard = "{% if not tools is defined %}{% set tools = none %}{% endif %}"
                + "{% if tools is not none %}tools:{{ tools | length }}{% else %}no tools{% endif %}";
        assertThat(ChatTemplate.of(guard, "", "").render(HI, false, Map.of("tools", List.of(Map.of("name", "f")))))
                .isEqualTo("tools:1");
        assertThat(ChatTemplate.of(guard, "", "").render(HI, false)).isEqualTo("no tools");
    }

    @Test
    void theMistralToolBlockRendersWhenToolsAreGiven() {
        String block = "{% if tools is not none and not tools is none %}[AVAILABLE_TOOLS]{{ tools | length }}"
                + "[/AVAILABLE_TOOLS]{% endif %}";
        assertThat(ChatTemplate.of(block, "", "").render(HI, false, Map.of("tools", List.of(Map.of("name", "f")))))
                .isEqualTo("[AVAILABLE_TOOLS]1[/AVAILABLE_TOOLS]");
    }

    @Test
    void strftimeNowIsDefinedAndReadsTheTemplatesDateSource() {
        String llama32 = "{% if strftime_now is defined %}{% set date_string = strftime_now('%d %b %Y') %}"
                + "{% else %}{% set date_string = '26 Jul 2024' %}{% endif %}Today Date: {{ date_string }}";
        Clock fixed = Clock.fixed(Instant.parse("2025-03-09T10:00:00Z"), ZoneOffset.UTC);

        assertThat(ChatTemplate.of(llama32, "", "").withClock(fixed).render(HI, false))
                .isEqualTo("Today Date: 09 Mar 2025");
    }

    @Test
    void textOutsideTagsAndNotWithoutATestAreLeftAlone() {
        assertThat(Jinja2Precedence.rewrite("not x is defined {% if not a %}{{ not b }}{% endif %}"))
                .isEqualTo("not x is defined {% if not a %}{{ not b }}{% endif %}");
        assertThat(Jinja2Precedence.rewrite("{%- if not m.id is defined -%}"))
                .isEqualTo("{%- if not (m.id is defined) -%}");
    }
}
