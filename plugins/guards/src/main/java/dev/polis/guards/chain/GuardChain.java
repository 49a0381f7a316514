package dev.polis.guards.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardRequest;
import dev.polis.api.guard.GuardVerdict;
import dev.polis.api.run.EventSink;
import dev.polis.guards.detect.Detection;

/**
 * Runs guards in order: a neutralised message is handed on rewritten, a refusal stops the chain. A member that
 * throws is recorded and, for TOOL content, refuses the message (fails closed); for other content the chain goes on.
 * Every inspected message leaves one {@code guard.verdict} event with each member's decision and the spans.
 */
public final class GuardChain implements Guard {

    /** One member: its id in the configuration and the guard. */
    record Member(String id, Guard guard) {
    }

    private final List<Member> members;
    private final EventSink events;

    GuardChain(List<Member> members, EventSink events) {
        this.members = List.copyOf(members);
        this.events = events;
    }

    /**
     * Creates a chain from its block: {@code guards}, a list of blocks each naming its {@code id} (injection, leak,
     * spotlight) with that guard's settings beside it.
     */
    public static GuardChain from(Settings settings, EventSink events) {
        return from(settings, events, GuardServices.NONE);
    }

    /** Creates a chain from its block, its members given the host's {@code services} (a judge's model). */
    public static GuardChain from(Settings settings, EventSink events, GuardServices services) {
        Object listed = settings.get("guards").orElseThrow(() -> new InvalidInputException(
                "guards: missing; list the guards to run, for example guards: [{id: spotlight}, {id: injection}]"));
        if (!(listed instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException("guards: expected a non-empty list of guard blocks but found " + listed);
        }
        List<Member> members = new ArrayList<>();
        try {
            addMembers(list, members, services);
        } catch (RuntimeException e) {
            members.forEach(m -> m.guard().close());
            throw e;
        }
        return new GuardChain(members, events);
    }

    private static void addMembers(List<?> list, List<Member> members, GuardServices services) {
        for (int i = 0; i < list.size(); i++) {
            String path = "guards[" + i + "]";
            Map<String, Object> block = new LinkedHashMap<>();
            if (list.get(i) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> block.put(String.valueOf(k), v));
            } else if (list.get(i) instanceof String id) {
                block.put("id", id);
            } else {
                throw new InvalidInputException(path + ": expected a guard block such as {id: injection} but found "
                        + list.get(i));
            }
            String id = String.valueOf(block.getOrDefault("id", ""));
            block.remove("id");
            members.add(new Member(id, GuardKinds.create(id, new BlockSettings(BlockSettings.of(block), path),
                    path + ".id", services)));
        }
    }

    @Override
    public GuardVerdict inspect(GuardRequest request) {
        Message original = request.message();
        Message current = original;
        List<Map<String, Object>> steps = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        double score = 0;
        Decision decision = Decision.ALLOW;
        Detection detection = null;
        for (Member member : members) {
            GuardVerdict v;
            try {
                GuardRequest step = new GuardRequest(current, request.boundary(), request.context());
                if (member.guard() instanceof InjectionGuard injection) {
                    InjectionGuard.Inspection inspection = injection.examine(step);
                    v = inspection.verdict();
                    detection = inspection.detection() == null ? detection : inspection.detection();
                } else {
                    v = member.guard().inspect(step);
                }
            } catch (RuntimeException e) {
                String failure = "guard '" + member.id() + "' failed: " + e;
                steps.add(step(member.id(), "ERROR", failure));
                if (original.privilege() == Privilege.TOOL) {
                    reasons.add(failure + " (fails closed for TOOL content)");
                    return record(request, GuardVerdict.refuse(original, String.join("; ", reasons), 1), steps,
                            detection);
                }
                reasons.add(failure + " (skipped for " + original.privilege() + " content)");
                continue;
            }
            steps.add(step(member.id(), v.decision().name(), v.reason()));
            score = Math.max(score, v.score());
            if (v.decision() == Decision.REFUSE) {
                reasons.add(v.reason());
                return record(request, GuardVerdict.refuse(original, String.join("; ", reasons), score), steps,
                        detection);
            }
            if (v.decision() == Decision.NEUTRALISE) {
                decision = Decision.NEUTRALISE;
                current = v.message();
                reasons.add(v.reason());
            }
        }
        GuardVerdict verdict = decision == Decision.NEUTRALISE
                ? GuardVerdict.neutralise(current, String.join("; ", reasons), score)
                : new GuardVerdict(Decision.ALLOW, original, String.join("; ", reasons), score);
        return record(request, verdict, steps, detection);
    }

    private static Map<String, Object> step(String id, String decision, String reason) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("guard", id);
        step.put("decision", decision);
        step.put("reason", reason);
        return step;
    }

    private GuardVerdict record(GuardRequest request, GuardVerdict verdict, List<Map<String, Object>> steps,
                                Detection detection) {
        Message m = request.message();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("boundary", request.boundary().name());
        fields.put("role", m.role().wireName());
        fields.put("privilege", m.privilege().name());
        fields.put("source", m.source());
        fields.put("decision", verdict.decision().name());
        fields.put("score", verdict.score());
        fields.put("reason", verdict.reason());
        fields.put("steps", steps);
        fields.put("spans", verdict.decision() == Decision.ALLOW ? List.of() : Spans.of(m.content(), detection));
        events.emit("guard.verdict", fields);
        return verdict;
    }

    @Override
    public void close() {
        members.forEach(m -> m.guard().close());
    }
}
