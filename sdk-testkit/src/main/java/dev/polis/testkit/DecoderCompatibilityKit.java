package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of a {@link Decoder} on a {@link CountingLm}: it follows an unambiguous model, respects the
 * token limit, stops at stop tokens, reports to its listener exactly the tokens it returns, lets the listener stop
 * it, and closes its sessions.
 *
 * <p>A generation may or may not include the stop token that ended it, but listener and result must agree.
 * Supply the decoder through {@link #createDecoder()}; override {@link #generationSettings()} to test a sampling
 * decoder at a temperature above zero (the model's margin keeps its choices certain).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class DecoderCompatibilityKit extends ExtensionCompatibilityKit<Decoder> {

    private static final int VOCABULARY = 32;

    /** Returns a new instance of the decoder under test. */
    protected abstract Decoder createDecoder();

    @Override
    protected final Decoder createExtension() {
        return createDecoder();
    }

    /** Returns the base generation settings of every request; greedy with seed 1 unless overridden. */
    protected GenerationSettings generationSettings() {
        return GenerationSettings.DEFAULTS.withTemperature(0).withSeed(1);
    }

    @Test
    public void followsAnUnambiguousModel() {
        DecodeResult result = decode(new CountingLm(VOCABULARY), request(new int[] {1}, 4, List.of()), TokenListener.ignoring());
        assertThat(result.tokens()).as("tokens after prompt [1] on a counting model").containsExactly(2, 3, 4, 5);
    }

    @Test
    public void respectsMaxTokens() {
        DecodeResult result = decode(new CountingLm(VOCABULARY), request(new int[] {1}, 5, List.of()), TokenListener.ignoring());
        assertThat(result.tokens().length).as("number of tokens with maxTokens 5").isLessThanOrEqualTo(5);
        assertThat(result.finishReason()).as("finish reason when only the limit can end generation").isEqualTo(FinishReason.LENGTH);
    }

    @Test
    public void stopsAtTheModelsStopToken() {
        DecodeResult result = decode(new CountingLm(VOCABULARY), request(new int[] {VOCABULARY - 3}, 20, List.of()),
                TokenListener.ignoring());
        assertThat(withoutTrailing(result.tokens(), CountingLm.STOP_TOKEN))
                .as("tokens before the model's stop token").containsExactly(VOCABULARY - 2, VOCABULARY - 1);
        assertThat(result.finishReason()).as("finish reason").isEqualTo(FinishReason.STOP);
    }

    @Test
    public void stopsAtAStopTokenOfTheRequest() {
        DecodeResult result = decode(new CountingLm(VOCABULARY), request(new int[] {7}, 20, List.of(10)), TokenListener.ignoring());
        assertThat(withoutTrailing(result.tokens(), 10)).as("tokens before the request's stop token 10").containsExactly(8, 9);
        assertThat(result.finishReason()).as("finish reason").isEqualTo(FinishReason.STOP);
    }

    @Test
    public void listenerSeesExactlyTheReturnedTokens() {
        for (int[] prompt : new int[][] {{3}, {VOCABULARY - 4}}) {
            List<Integer> seen = new ArrayList<>();
            DecodeResult result = decode(new CountingLm(VOCABULARY), request(prompt, 6, List.of()), token -> seen.add(token));
            assertThat(seen).as("tokens handed to the listener for prompt " + Arrays.toString(prompt))
                    .containsExactlyElementsOf(boxed(result.tokens()));
        }
    }

    @Test
    public void listenerReturningFalseStopsEarly() {
        List<Integer> seen = new ArrayList<>();
        DecodeResult result = decode(new CountingLm(VOCABULARY), request(new int[] {1}, 20, List.of()), token -> {
            seen.add(token);
            return seen.size() < 3;
        });
        assertThat(seen).as("tokens handed to the listener that asked to stop at the third").hasSize(3);
        assertThat(boxed(result.tokens())).as("tokens returned").containsExactlyElementsOf(seen);
        assertThat(result.finishReason()).as("finish reason").isEqualTo(FinishReason.CANCELLED);
    }

    @Test
    public void closesEverySessionItOpens() {
        CountingLm model = new CountingLm(VOCABULARY);
        decode(model, request(new int[] {1}, 8, List.of()), TokenListener.ignoring());
        decode(model, request(new int[] {VOCABULARY - 2}, 8, List.of()), TokenListener.ignoring());
        assertThat(model.openSessions()).as("sessions left open").isZero();
    }

    private DecodeResult decode(CountingLm model, DecodeRequest request, TokenListener listener) {
        DecodeResult result = createDecoder().decode(model, request, listener);
        assertThat(result).as("decode result").isNotNull();
        assertThat(result.finishReason()).as("finish reason").isNotNull();
        return result;
    }

    private DecodeRequest request(int[] prompt, int maxTokens, List<Integer> stopTokens) {
        return new DecodeRequest(prompt, generationSettings().withMaxTokens(maxTokens), stopTokens);
    }

    private static List<Integer> withoutTrailing(int[] tokens, int stop) {
        List<Integer> list = new ArrayList<>(boxed(tokens));
        if (!list.isEmpty() && list.get(list.size() - 1) == stop) {
            list.remove(list.size() - 1);
        }
        assertThat(list).as("tokens after the stop token " + stop).doesNotContain(stop);
        return list;
    }

    private static List<Integer> boxed(int[] tokens) {
        return Arrays.stream(tokens).boxed().toList();
    }
}
