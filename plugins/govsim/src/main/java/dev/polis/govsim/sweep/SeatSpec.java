package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import dev.polis.govsim.policy.PolicySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Says which registry agent provider plays a society member, with which model and settings: {@code llm:<spec>} is
 * {@code govsim.llm} on that model, {@code agent:<id>} is provider {@code <id>}, a policy {@code kind[:parameter]} is
 * {@code govsim.policy.<kind>} with the parameter as its setting ({@code amount}, {@code fraction}, {@code max}).
 *
 * <p>The sweep seats every member through this and the host's {@code Extensions}, and the run's
 * {@code config.resolved.yaml} names the same providers, so a seat of {@code polis govsim} and an agent of
 * {@code polis run} are made the same way.
 *
 * @param provider the agent provider's id
 * @param model    the model spec of the member's own chat model, or {@code null} when it has none
 * @param settings the provider's settings block (the member's settings plus a policy's parameter)
 */
public record SeatSpec(String provider, String model, Map<String, Object> settings) {

    /** The id of the LLM generative agent's provider. */
    public static final String LLM = "govsim.llm";

    /** Copies the settings. */
    public SeatSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Returns the seat of {@code member} with the member's {@code settings}.
     *
     * @throws InvalidInputException for an {@code llm} member without a model spec, an {@code agent:} member without
     *                               an id, or an unknown policy
     */
    public static SeatSpec of(String member, Map<String, Object> settings) {
        Map<String, Object> block = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        if (member.startsWith("llm")) {
            String spec = member.startsWith("llm:") ? member.substring(4).trim() : "";
            if (spec.isBlank()) {
                throw new InvalidInputException("member '" + member + "': write llm:<model spec>, for example "
                        + "llm:openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
            }
            return new SeatSpec(LLM, spec, block);
        }
        if (member.startsWith(SocietySpec.AGENT_PREFIX)) {
            String id = member.substring(SocietySpec.AGENT_PREFIX.length()).trim();
            if (id.isEmpty()) {
                throw new InvalidInputException("member '" + member + "': write agent:<provider id>, for example "
                        + "agent:govsim.policy.sustainable (polis plugins lists the agent providers)");
            }
            return new SeatSpec(id, null, block);
        }
        PolicySpec policy = PolicySpec.parse(member);
        String kind = switch (policy.kind()) {
            case "sustainable-share" -> "sustainable";
            case "universalizer" -> "universalization";
            default -> policy.kind();
        };
        String key = switch (kind) {
            case "fixed" -> "amount";
            case "greedy" -> "fraction";
            case "random" -> "max";
            default -> null;
        };
        if (key != null && !policy.parameter().isEmpty()) {
            block.put(key, policy.parameter());
        }
        return new SeatSpec("govsim.policy." + kind, null, block);
    }

    /** Returns the model spec, if the member has a model of its own. */
    public Optional<String> modelSpec() {
        return Optional.ofNullable(model);
    }
}
