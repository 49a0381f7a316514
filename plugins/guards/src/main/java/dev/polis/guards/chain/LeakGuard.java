package dev.polis.guards.chain;

import java.util.List;
import java.util.Locale;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.guards.leak.LeakDetector;

/**
 * Refuses a model's output that leaks the system prompt: a configured canary token, too large a share of the
 * system and developer messages' word trigrams, or (a leak in other words) of their content words. Other boundaries
 * are let through.
 *
 * @param detector the leak detector
 * @param canaries tokens planted in the system prompt that must never appear in output
 */
public record LeakGuard(LeakDetector detector, List<String> canaries) implements Guard {

    /** The default of {@code overlap}: the share of the prompt's word trigrams that counts as a leak. */
    public static final double OVERLAP = 0.5;
    /** The default of {@code coverage}: the share of the prompt's content words that counts as a leak. */
    public static final double COVERAGE = 0.6;
    /** The default of {@code cuedCoverage}: the same share when the output speaks of its instructions. */
    public static final double CUED_COVERAGE = 0.5;

    /**
     * Creates the guard from its block: {@code overlap} (share, default 0.5), {@code paraphrase} (true or false,
     * default true: the content-word check), {@code coverage} (share, default 0.6), {@code cuedCoverage} (share,
     * default 0.5, at most {@code coverage}) and {@code canaries} (a list).
     */
    public static LeakGuard from(BlockSettings block) {
        return new LeakGuard(detector(block), block.settings().strings("canaries"));
    }

    /** Returns the detector {@code block}'s settings describe; a bad setting is an error naming it. */
    public static LeakDetector detector(BlockSettings block) {
        double overlap = block.share("overlap", OVERLAP);
        boolean paraphrase = block.flag("paraphrase", true);
        double coverage = block.share("coverage", COVERAGE);
        double cued = block.share("cuedCoverage", Math.min(CUED_COVERAGE, coverage));
        if (cued > coverage) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s: must not exceed %s (%s) but was %s; the "
                    + "share for an output that speaks of its instructions is the lower one", block.name("cuedCoverage"),
                    block.name("coverage"), coverage, cued));
        }
        return paraphrase ? new LeakDetector(overlap, 8, coverage, cued) : new LeakDetector(overlap, 8);
    }

    @Override
    public GuardVerdict inspect(GuardRequest request) {
        if (request.boundary() != Boundary.MODEL_OUTPUT) {
            return GuardVerdict.allow(request.message());
        }
        String systemPrompt = request.context().stream()
                .filter(m -> m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER)
                .map(Message::content).reduce("", (a, b) -> a + "\n" + b);
        LeakDetector.Finding f = detector.inspect(request.message().content(), systemPrompt, canaries);
        return f.leaked() ? GuardVerdict.refuse(request.message(), "system prompt leak: " + f.reason(), f.score())
                : GuardVerdict.allow(request.message());
    }
}
