package dev.polis.api.chat;

import org.apiguardian.api.API;

/**
 * Counts the tokens of one call.
 *
 * @param promptTokens     tokens read
 * @param completionTokens tokens generated
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Usage(int promptTokens, int completionTokens) {

    /** No tokens, for models that cannot count. */
    public static final Usage NONE = new Usage(0, 0);

    /** Checks that the counts are not negative. */
    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0: " + promptTokens + ", " + completionTokens);
        }
    }

    /** Returns prompt plus completion tokens. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** Returns the sum of this and {@code other}. */
    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
