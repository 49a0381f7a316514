package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.decode.json.JsonConstraint;
import dev.polis.runtime.decode.json.SchemaCompiler;
import dev.polis.runtime.decode.json.SchemaValidator;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-speculative decoder honours a JSON-schema token constraint: greedy, it writes token for token what the
 * constrained greedy decoder writes, for every exit layer; sampling, every answer is schema-valid.
 */
class ConstrainedSelfSpeculationTest {

    private static final int LAYERS = 5;
    /** Token texts of the tiny model's ids 0..46 (47 is its end token): single bytes and multi-byte JSON pieces. */
    private static final List<String> TEXTS = List.of("{", "}", "\"", ":", ",", "[", "]", "a", "b", "x", "y", "z",
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", ".", "{\"", "\":", "\",\"", "\"a\":", "\"b\":[",
            "12", "99", "\"x\"", "\"yz\"", "],", "]}", "true", "null", " ", "\n", "q", "xy", "ab", "1.5", "\"x\",",
            "\"yz\"]", "0}", "\",");
    private static final String SCHEMA = """
            {"type": "object", "properties": {"a": {"type": "integer", "minimum": 0, "maximum": 99},
             "b": {"type": "array", "maxItems": 3, "items": {"enum": ["x", "yz"]}}}, "required": ["a", "b"]}""";
    private static final int[][] PROMPTS = {{3, 17, 8, 22, 5}, {11}, {30, 2, 9, 41, 16, 7, 7, 13}};

    @TempDir
    static Path folder;
    private static TransformerLm lm;
    private static JsonConstraint constraint;
    private static Map<String, Object> schema;

    @BeforeAll
    static void load() throws Exception {
        lm = new TinyLlama(LAYERS, 11).load(folder);
        schema = new ObjectMapper().readValue(SCHEMA, new TypeReference<>() {
        });
        byte[][] bytes = new byte[TinyLlama.VOCAB][];
        for (int id = 0; id < TEXTS.size(); id++) {
            bytes[id] = TEXTS.get(id).getBytes(StandardCharsets.UTF_8);
        }
        constraint = new JsonConstraint(SchemaCompiler.compile(schema, "schema"), bytes, TinyLlama.VOCAB,
                Set.of(TinyLlama.EOS));
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void greedySelfSpeculationUnderAConstraintEqualsConstrainedGreedyForEveryExit() {
        for (int[] prompt : PROMPTS) {
            DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(80), null)
                    .withConstraint(constraint);
            DecodeResult greedy = new GreedyDecoder().decode(lm, request, TokenListener.ignoring());
            assertThat(greedy.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(SchemaValidator.violations(text(greedy), schema)).isEmpty();
            for (int exit = 1; exit < LAYERS; exit++) {
                for (int drafts : new int[] {1, 3, 6}) {
                    DecodeRequest configured = new DecodeRequest(prompt, request.settings(), null,
                            LayerSkipOptions.of(exit, drafts), constraint);
                    DecodeResult spec = new SelfSpeculativeDecoder().decode(lm, configured, TokenListener.ignoring());
                    assertThat(text(spec)).as("E=%d d=%d", exit, drafts).isEqualTo(text(greedy));
                }
            }
        }
    }

    @Test
    void sampledSelfSpeculationUnderAConstraintIsAlwaysSchemaValid() {
        for (int seed = 0; seed < 20; seed++) {
            DecodeRequest request = new DecodeRequest(PROMPTS[seed % PROMPTS.length],
                    GenerationSettings.DEFAULTS.withMaxTokens(200).withTemperature(1.0).withSeed(seed), null,
                    LayerSkipOptions.of(1 + seed % (LAYERS - 1), 1 + seed % 4), constraint);
            DecodeResult result = new SelfSpeculativeDecoder().decode(lm, request, TokenListener.ignoring());
            assertThat(result.finishReason()).as("seed %d", seed).isEqualTo(FinishReason.STOP);
            assertThat(SchemaValidator.violations(text(result), schema)).as("seed %d: %s", seed, text(result)).isEmpty();
        }
    }

    private static String text(DecodeResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int token : result.tokens()) {
            out.writeBytes(TEXTS.get(token).getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
