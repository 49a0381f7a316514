package dev.polis.guards.chain;

import java.util.Locale;
import java.util.stream.Collectors;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.guards.detect.Detection;
import dev.polis.guards.detect.InjectionDetector;
import dev.polis.guards.prompt.Datamarker;

/**
 * Flags prompt injection in messages below SYSTEM and DEVELOPER privilege: a flagged USER message is refused; a
 * flagged TOOL or MODEL message (tool output, another agent's words) is neutralised (kept as marked data) or
 * refused, as {@code onEmbedded} says. A model's own output is not scanned here (see the leak guard).
 *
 * @param detector      the detector
 * @param threshold     the score at which USER messages are flagged
 * @param toolThreshold the score at which TOOL and MODEL messages are flagged
 * @param refuseEmbedded whether flagged TOOL and MODEL messages are refused rather than neutralised
 */
public record InjectionGuard(InjectionDetector detector, double threshold, double toolThreshold,
                             boolean refuseEmbedded) implements Guard {

    /** Creates the guard from its block: {@code threshold}, {@code toolThreshold}, {@code onEmbedded}. */
    public static InjectionGuard from(BlockSettings block) {
        return new InjectionGuard(InjectionDetector.shipped(), block.share("threshold", 0.5),
                block.share("toolThreshold", 0.5),
                block.choice("onEmbedded", "neutralise", "neutralise", "refuse").equals("refuse"));
    }

    @Override
    public GuardVerdict inspect(GuardRequest request) {
        Message message = request.message();
        Privilege privilege = message.privilege();
        if (request.boundary() == Boundary.MODEL_OUTPUT || privilege.compareTo(Privilege.DEVELOPER) >= 0) {
            return GuardVerdict.allow(message);
        }
        Detection d = detector.detect(message.content(), privilege);
        boolean direct = privilege.compareTo(Privilege.USER) >= 0;
        if (d.score() < (direct ? threshold : toolThreshold)) {
            return GuardVerdict.allow(message);
        }
        String families = d.families().isEmpty() ? "classifier" : String.join(", ", d.families());
        String reason = String.format(Locale.ROOT, "prompt injection in %s content (score %.2f; %s)%s",
                privilege.name().toLowerCase(Locale.ROOT), d.score(), families,
                d.findings().isEmpty() ? "" : d.findings().stream().collect(Collectors.joining(", ", "; found ", "")));
        if (direct || refuseEmbedded) {
            return GuardVerdict.refuse(message, reason, d.score());
        }
        String marked = new Datamarker(Datamarker.DEFAULT_MARKER, true).mark(message.content(), message.source(),
                privilege.name());
        return GuardVerdict.neutralise(message.withContent(marked), reason + "; kept as marked data", d.score());
    }

    /** Returns the detection behind a verdict, for the chain's event record. */
    public Detection detect(Message message) {
        return detector.detect(message.content(), message.privilege());
    }
}
