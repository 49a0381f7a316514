package dev.polis.runtime.decode.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte grammar accepts exactly the compact JSON texts of its schema, byte by byte. */
class JsonMachineTest {

    @Test
    void anyObjectTakesCompactObjectsAndNothingElse() {
        Node any = SchemaCompiler.anyObject();
        for (String ok : List.of("{}", "{\"a\":1}", "{\"a\":[1,-2.5,\"x\",{\"b\":null}],\"c\":true}", "{\"k\":\"\\n\\\"é\"}")) {
            assertThat(complete(any, ok)).as(ok).isTrue();
        }
        for (String bad : List.of("[]", "{\"a\" :1}", "{\"a\":01}", "{a:1}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":1}x")) {
            assertThat(complete(any, bad)).as(bad).isFalse();
        }
    }

    @Test
    void boundedNumbersStopWhereNoLongerNumberFits() {
        Node age = SchemaCompiler.compile(Map.of("type", "integer", "minimum", 18, "maximum", 120), "s");
        assertThat(complete(age, "18")).isTrue();
        assertThat(complete(age, "120")).isTrue();
        assertThat(complete(age, "17")).isFalse();
        assertThat(prefix(age, "1")).isTrue();
        assertThat(prefix(age, "13")).isFalse();
        assertThat(prefix(age, "-")).isFalse();
        assertThat(prefix(age, "121")).isFalse();
        Node ratio = SchemaCompiler.compile(Map.of("type", "number", "minimum", -0.5, "maximum", 0.25), "s");
        assertThat(complete(ratio, "-0.5")).isTrue();
        assertThat(prefix(ratio, "-0.6")).isFalse();
        assertThat(prefix(ratio, "0.3")).isFalse();
        assertThat(complete(ratio, "0.25")).isTrue();
        assertThat(prefix(ratio, "1")).isFalse();
    }

    @Test
    void requiredPropertiesMustAppearAndUnknownKeysNever() {
        Node person = SchemaCompiler.compile(Map.of("type", "object", "properties",
                Map.of("name", Map.of("type", "string", "maxLength", 3)), "required", List.of("name")), "s");
        assertThat(complete(person, "{\"name\":\"Bob\"}")).isTrue();
        assertThat(complete(person, "{}")).isFalse();
        assertThat(prefix(person, "{\"nom")).isFalse();
        assertThat(prefix(person, "{\"name\":\"Bobby")).isFalse();
        assertThat(prefix(person, "{\"name\":\"B\",")).isFalse();
    }

    private static boolean complete(Node node, String text) {
        JsonMachine.State state = walk(node, text);
        return state != null && state.complete();
    }

    private static boolean prefix(Node node, String text) {
        return walk(node, text) != null;
    }

    private static JsonMachine.State walk(Node node, String text) {
        JsonMachine.State state = JsonMachine.start(node);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            state = JsonMachine.step(state, b & 0xFF);
            if (state == null) {
                return null;
            }
        }
        return state;
    }
}
