package dev.polis.guards.chain;

import java.util.List;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Role;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.guards.leak.LeakDetector;

/**
 * Refuses a model's output that leaks the system prompt: a configured canary token, or too large a share of the
 * system and developer messages' word trigrams. Other boundaries are let through.
 *
 * @param detector the leak detector
 * @param canaries tokens planted in the system prompt that must never appear in output
 */
public record LeakGuard(LeakDetector detector, List<String> canaries) implements Guard {

    /** Creates the guard from its block: {@code overlap} (share, default 0.5), {@code canaries} (a list). */
    public static LeakGuard from(BlockSettings block) {
        return new LeakGuard(new LeakDetector(block.share("overlap", 0.5), 8), block.settings().strings("canaries"));
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
