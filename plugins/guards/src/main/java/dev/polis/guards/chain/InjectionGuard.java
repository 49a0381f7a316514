package dev.polis.guards.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.guards.detect.Detection;
import dev.polis.guards.detect.DetectionRequest;
import dev.polis.guards.detect.Domain;
import dev.polis.guards.detect.InjectionDetector;
import dev.polis.guards.detect.LogisticModel;
import dev.polis.guards.detect.RuleHit;
import dev.polis.guards.judge.JudgeFailure;
import dev.polis.guards.policy.Conflicts;
import dev.polis.guards.policy.Policies;
import dev.polis.guards.policy.Policy;
import dev.polis.guards.prompt.Datamarker;

/**
 * Flags prompt injection in messages below SYSTEM and DEVELOPER privilege, reading the request's SYSTEM and
 * DEVELOPER messages for what they rule out (a USER message that conflicts with them counts as an attack:
 * {@link Conflicts}): a flagged USER message is refused; a
 * flagged TOOL or MODEL message (tool output, another agent's words) is neutralised (kept as marked data) or
 * refused, as {@code onEmbedded} says. A model's own output is not scanned here (see the leak guard).
 *
 * <p>With a judge, a score within the judge's band around the threshold is the judge's to decide. A judge that
 * fails or runs past its timeout refuses TOOL and MODEL content (fails closed); for USER content the detector's
 * decision stands. Either way the reason says what the judge did.
 *
 * @param detector       the detector
 * @param threshold      the score at which USER messages are flagged
 * @param toolThreshold  the score at which TOOL and MODEL messages are flagged
 * @param refuseEmbedded whether flagged TOOL and MODEL messages are refused rather than neutralised
 * @param judge          the judge and its band, or {@code null} for none
 */
public record InjectionGuard(InjectionDetector detector, double threshold, double toolThreshold,
                             boolean refuseEmbedded, JudgeBand judge) implements Guard {

    /** Creates the guard without a judge. */
    public InjectionGuard(InjectionDetector detector, double threshold, double toolThreshold, boolean refuseEmbedded) {
        this(detector, threshold, toolThreshold, refuseEmbedded, null);
    }

    /** Creates the guard from its block without host services (a {@code judge} setting is then an error). */
    public static InjectionGuard from(BlockSettings block) {
        return from(block, GuardServices.NONE);
    }

    /**
     * Creates the guard from its block: {@code threshold}, {@code toolThreshold}, {@code onEmbedded}, {@code judge},
     * {@code model} (a classifier file written by {@code polis guard train --out}; the shipped one when absent).
     */
    public static InjectionGuard from(BlockSettings block, GuardServices services) {
        double threshold = block.share("threshold", 0.5);
        double toolThreshold = block.share("toolThreshold", 0.5);
        boolean refuse = block.choice("onEmbedded", "neutralise", "neutralise", "refuse").equals("refuse");
        return new InjectionGuard(detector(block), threshold, toolThreshold, refuse, JudgeBand.from(block, services));
    }

    private static InjectionDetector detector(BlockSettings block) {
        String file = block.settings().string("model").orElse(null);
        if (file == null) {
            return InjectionDetector.shipped();
        }
        try (BufferedReader in = Files.newBufferedReader(Path.of(file))) {
            return new InjectionDetector(LogisticModel.read(in, file));
        } catch (IOException | InvalidPathException e) {
            throw new InvalidInputException(block.name("model") + ": cannot read the classifier '" + file + "' ("
                    + e.getMessage() + "); give a file written by 'polis guard train --out', or leave the setting "
                    + "out for the shipped model", e);
        }
    }

    /**
     * A verdict with the detection behind it (null when the message was not scanned), so that the chain can record
     * the detection's rule matches as the event's spans without scanning the message again.
     *
     * @param verdict   the verdict
     * @param detection the detection, or {@code null}
     */
    public record Inspection(GuardVerdict verdict, Detection detection) {
    }

    @Override
    public GuardVerdict inspect(GuardRequest request) {
        return examine(request).verdict();
    }

    /** Returns the verdict on {@code request} with the detection behind it. */
    public Inspection examine(GuardRequest request) {
        Message message = request.message();
        Privilege privilege = message.privilege();
        if (request.boundary() == Boundary.MODEL_OUTPUT || privilege.compareTo(Privilege.DEVELOPER) >= 0) {
            return new Inspection(GuardVerdict.allow(message), null);
        }
        // scan what the text says, not the spotlight's frame around it; a request (not data) against the
        // instructions above it
        Policy policy = Domain.of(privilege) == Domain.DIRECT ? Policies.of(request.context()) : Policy.NONE;
        Detection d = detector.detect(new DetectionRequest(Datamarker.body(message.content()), privilege, policy));
        return new Inspection(decide(message, privilege, d, request), d);
    }

    private GuardVerdict decide(Message message, Privilege privilege, Detection d, GuardRequest request) {
        boolean direct = privilege.compareTo(Privilege.USER) >= 0;
        double limit = direct ? threshold : toolThreshold;
        boolean flagged = d.score() >= limit;
        String judged = "";
        if (judge != null && judge.covers(d.score(), limit)) {
            try {
                flagged = judge.judge().attack(message.content(), privilege, request.context());
                judged = String.format(Locale.ROOT, "; judge: %s (score %.2f within %.2f of %.2f)",
                        flagged ? "attack" : "benign", d.score(), judge.band(), limit);
            } catch (JudgeFailure e) {
                if (!direct) {
                    return GuardVerdict.refuse(message, e.getMessage() + " (fails closed for "
                            + privilege.name() + " content)", Math.max(d.score(), limit));
                }
                judged = "; " + e.getMessage() + " (the detector decides for USER content)";
            }
        }
        if (!flagged) {
            return judged.isEmpty() ? GuardVerdict.allow(message)
                    : new GuardVerdict(Decision.ALLOW, message, judged.substring(2), d.score());
        }
        String families = d.families().isEmpty() ? "classifier" : String.join(", ", d.families());
        String conflicts = d.hits().stream().filter(h -> Conflicts.FAMILIES.contains(h.rule())).map(RuleHit::text)
                .distinct().collect(Collectors.joining("; "));
        String reason = String.format(Locale.ROOT, "prompt injection in %s content (score %.2f; %s)%s%s%s",
                privilege.name().toLowerCase(Locale.ROOT), d.score(), families,
                d.findings().isEmpty() ? "" : d.findings().stream().collect(Collectors.joining(", ", "; found ", "")),
                conflicts.isEmpty() ? "" : "; conflicts with the instructions: " + conflicts, judged);
        double score = Math.max(d.score(), limit);
        if (direct || refuseEmbedded) {
            return GuardVerdict.refuse(message, reason, score);
        }
        boolean framed = !Datamarker.body(message.content()).equals(message.content());
        String marked = framed ? message.content() // the spotlight guard framed it already
                : new Datamarker(Datamarker.DEFAULT_MARKER, true).mark(message.content(), message.source(),
                        privilege.name());
        return GuardVerdict.neutralise(message.withContent(marked), reason + "; kept as marked data", score);
    }

    /** Returns the detection behind a verdict, for the chain's event record. */
    public Detection detect(Message message) {
        return detector.detect(message.content(), message.privilege());
    }

    /** Closes the judge's model, if any. */
    @Override
    public void close() {
        if (judge != null) {
            judge.judge().close();
        }
    }
}
