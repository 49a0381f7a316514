package dev.polis.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import dev.polis.api.chat.ModelSpec;

/**
 * Names an agent's chat model: either a spec string ({@code model: "local:models/tiny"}) or a block with
 * provider options ({@code model: {spec: "openai:http://127.0.0.1:11434/v1#qwen2.5:7b", options: {timeout: 30}}}).
 *
 * @param spec    the model spec, {@code provider:location#model}
 * @param options provider-specific options; empty when absent
 */
public record ModelConfig(String spec, Map<String, Object> options) {

    /** Copies the options, keeping their order. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ModelConfig {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Returns a model named by a spec string alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ModelConfig of(String spec) {
        return new ModelConfig(spec, Map.of());
    }

    /**
     * Parses the spec and attaches the options.
     *
     * @throws dev.polis.api.InvalidInputException when the spec has no provider part
     */
    public ModelSpec toModelSpec() {
        ModelSpec parsed = ModelSpec.parse(spec);
        return new ModelSpec(parsed.provider(), parsed.location(), parsed.model(), options);
    }
}
