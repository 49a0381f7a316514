package dev.polis.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.chat.InferenceOptions;

/**
 * Applies the operator's environment variables and system properties over a pipeline's {@code runtime} block,
 * so that device, decoder and accelerators can be swapped without editing configuration.
 *
 * <table>
 *   <caption>Overrides, highest precedence first</caption>
 *   <tr><th>setting</th><th>system property</th><th>environment variable</th></tr>
 *   <tr><td>{@code runtime.device}</td><td>{@code polis.device}</td><td>{@code POLIS_DEVICE}</td></tr>
 *   <tr><td>{@code runtime.decoder}</td><td>{@code polis.decoder}</td><td>{@code POLIS_DECODER}</td></tr>
 *   <tr><td>{@code runtime.accelerators}</td><td>{@code polis.accelerators}</td><td>{@code POLIS_ACCELERATORS}
 *   (comma list; empty for none)</td></tr>
 * </table>
 *
 * @param environment      the environment variables
 * @param systemProperties the system properties, which win over environment variables
 */
public record OperatorOverrides(Map<String, String> environment, Map<String, String> systemProperties) {

    /** Copies the maps. */
    public OperatorOverrides {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
    }

    /** Returns overrides read from {@code environment} and this process's system properties. */
    public static OperatorOverrides of(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return new OperatorOverrides(environment, properties);
    }

    /** Returns {@code config} with every override applied; {@code applied} receives what was replaced. */
    public PipelineConfig apply(PipelineConfig config, List<AppliedOverride> applied) {
        RuntimeConfig runtime = config.runtime();
        String device = runtime.device();
        String decoder = runtime.decoder();
        List<String> accelerators = runtime.accelerators();
        Optional<Setting> deviceOverride = find("device");
        if (deviceOverride.isPresent()) {
            applied.add(deviceOverride.get().applied(device));
            device = deviceOverride.get().value();
        }
        Optional<Setting> decoderOverride = find("decoder");
        if (decoderOverride.isPresent()) {
            applied.add(decoderOverride.get().applied(decoder));
            decoder = decoderOverride.get().value();
        }
        Optional<Setting> acceleratorsOverride = find("accelerators");
        if (acceleratorsOverride.isPresent()) {
            applied.add(acceleratorsOverride.get().applied(accelerators.isEmpty() ? null : String.join(",", accelerators)));
            accelerators = idList(acceleratorsOverride.get().value());
        }
        return config.withRuntime(runtime.with(device, decoder, accelerators));
    }

    /** Returns the inference choices the overrides alone make; what they leave open is {@code null}. */
    public InferenceOptions inferenceOptions() {
        Optional<Setting> accelerators = find("accelerators");
        return new InferenceOptions(find("device").map(Setting::value).orElse(null),
                find("decoder").map(Setting::value).orElse(null),
                accelerators.map(a -> idList(a.value())).orElse(null));
    }

    /** Returns {@code config} with every override applied, discarding the record of what changed. */
    public PipelineConfig apply(PipelineConfig config) {
        return apply(config, new ArrayList<>());
    }

    private Optional<Setting> find(String name) {
        String property = systemProperties.get("polis." + name);
        if (counts(name, property)) {
            return Optional.of(new Setting(name, property.trim(), "-Dpolis." + name));
        }
        String variable = "POLIS_" + name.toUpperCase(Locale.ROOT);
        String value = environment.get(variable);
        return counts(name, value) ? Optional.of(new Setting(name, value.trim(), variable)) : Optional.empty();
    }

    /** Splits a comma list of extension ids; blank entries are dropped, so a blank list means "none". */
    private static List<String> idList(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /** A blank device or decoder means "not overridden"; blank accelerators mean "none". */
    private static boolean counts(String name, String value) {
        return value != null && (name.equals("accelerators") || !value.isBlank());
    }

    private record Setting(String name, String value, String origin) {
        AppliedOverride applied(String replaced) {
            return new AppliedOverride("runtime." + name, value, origin, replaced);
        }
    }
}
