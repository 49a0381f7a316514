package dev.polis.guards.chain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.InvalidInputException;
import dev.polis.guards.judge.LlmJudge;

/**
 * The judge of an injection guard and the band around the threshold in which it is asked: a score within
 * {@code band} of the threshold is the judge's to decide; scores further out are the detector's.
 *
 * @param judge the judge
 * @param band  the half-width of the band, in (0, 0.5]
 */
public record JudgeBand(LlmJudge judge, double band) {

    /** The default half-width. */
    public static final double DEFAULT_BAND = 0.15;
    /** The default timeout per answer, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** Checks the components. */
    public JudgeBand {
        Objects.requireNonNull(judge, "judge");
    }

    /** Returns whether {@code score} is in the band around {@code threshold}. */
    public boolean covers(double score, double threshold) {
        return Math.abs(score - threshold) <= band;
    }

    /**
     * Returns the judge configured in {@code block}'s {@code judge} setting ({@code model}, {@code band},
     * {@code timeoutSeconds}), or {@code null} when there is none; a bad setting is an error naming it.
     */
    public static JudgeBand from(BlockSettings block, GuardServices services) {
        Object raw = block.settings().get("judge").orElse(null);
        if (raw == null) {
            return null;
        }
        String path = block.name("judge");
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidInputException(path + ": expected a block such as {model: 'openai:http://127.0.0.1:11434"
                    + "/v1#qwen2.5:7b', band: 0.15, timeoutSeconds: 30} but found " + raw);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        BlockSettings judge = new BlockSettings(BlockSettings.of(values), path);
        for (String key : values.keySet()) {
            if (!key.equals("model") && !key.equals("band") && !key.equals("timeoutSeconds")) {
                throw new InvalidInputException(judge.name(key) + ": unknown setting (known: model, band, timeoutSeconds)");
            }
        }
        String spec = judge.settings().string("model", "");
        if (spec.isBlank()) {
            throw new InvalidInputException(judge.name("model") + ": missing; name the judge's chat model by spec");
        }
        double band = judge.share("band", DEFAULT_BAND);
        if (band > 0.5) {
            throw new InvalidInputException(judge.name("band") + ": must be in (0, 0.5] but was " + band);
        }
        long seconds;
        try {
            seconds = judge.settings().intValue("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(judge.name("timeoutSeconds") + ": expected a whole number of seconds but "
                    + "found '" + values.get("timeoutSeconds") + "'", e);
        }
        if (seconds < 1 || seconds > 3600) {
            throw new InvalidInputException(judge.name("timeoutSeconds") + ": must be 1 to 3600 but was " + seconds);
        }
        return new JudgeBand(new LlmJudge(services.chatModels().apply(spec), Duration.ofSeconds(seconds)), band);
    }
}
