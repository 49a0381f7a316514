package dev.polis.guards.chain;

import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.guards.prompt.Datamarker;
import dev.polis.guards.prompt.ReservedTokens;

/**
 * Prepares lower-privilege text for the prompt: reserved chat-template tokens in anything below DEVELOPER are
 * defused, and TOOL and MODEL content arriving as tool output or another agent's words is framed as data
 * (datamarked when {@code datamark} is on). Never refuses.
 *
 * @param marker the datamarker
 */
public record SpotlightGuard(Datamarker marker) implements Guard {

    /** Creates the guard from its block: {@code datamark} (default true), {@code marker} (default U+E000). */
    public static SpotlightGuard from(BlockSettings block) {
        String marker = block.settings().string("marker", Datamarker.DEFAULT_MARKER);
        if (marker.isEmpty() || marker.codePoints().anyMatch(Character::isWhitespace)) {
            throw new dev.polis.api.InvalidInputException(block.name("marker")
                    + ": must be a non-empty text without whitespace");
        }
        return new SpotlightGuard(new Datamarker(marker, block.flag("datamark", true)));
    }

    @Override
    public GuardVerdict inspect(GuardRequest request) {
        Message message = request.message();
        if (request.boundary() == Boundary.MODEL_OUTPUT || message.privilege().compareTo(Privilege.DEVELOPER) >= 0) {
            return GuardVerdict.allow(message);
        }
        ReservedTokens.Result defused = ReservedTokens.neutralise(message.content());
        boolean embedded = message.privilege().compareTo(Privilege.USER) < 0;
        if (!embedded) {
            return defused.spans().isEmpty() ? GuardVerdict.allow(message)
                    : GuardVerdict.neutralise(message.withContent(defused.text()),
                            defused.spans().size() + " reserved chat-template token(s) defused", 0.5);
        }
        String framed = marker.mark(defused.text(), message.source(), message.privilege().name());
        String reason = "framed as data from " + (message.source().isEmpty() ? "a tool" : message.source())
                + (defused.spans().isEmpty() ? "" : "; " + defused.spans().size() + " reserved token(s) defused");
        return GuardVerdict.neutralise(message.withContent(framed), reason, defused.spans().isEmpty() ? 0 : 0.5);
    }
}
