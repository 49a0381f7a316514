package dev.polis.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads pipeline configurations from files, strings, the embedded default or code, and resolves them:
 * substitution, binding, operator overrides and validation, in that order.
 *
 * <pre>{@code
 * PipelineConfigLoader loader = new PipelineConfigLoader(OperatorOverrides.of(System.getenv()));
 * ResolvedPipeline pipeline = loader.load(Path.of("pipeline.yaml"));
 * }</pre>
 */
public final class PipelineConfigLoader {

    /** The class-path resource holding the pipeline {@code polis run} uses when given no file. */
    public static final String DEFAULT_RESOURCE = "/dev/polis/core/default-pipeline.yaml";

    private final OperatorOverrides overrides;
    private final ConfigLoader loader;

    /** Creates a loader that substitutes from, and applies overrides of, {@code overrides}. */
    public PipelineConfigLoader(OperatorOverrides overrides) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.loader = new ConfigLoader(overrides.environment());
    }

    /**
     * Reads and resolves a file.
     *
     * @throws ConfigException naming file, line, path and problem
     */
    public ResolvedPipeline load(Path file) {
        return resolve(loader.read(file));
    }

    /** Reads and resolves a configuration text named {@code source} in messages. */
    public ResolvedPipeline load(String text, String source, ConfigFormat format) {
        return resolve(loader.read(text, source, format));
    }

    /** Reads and resolves the embedded default pipeline. */
    public ResolvedPipeline loadDefault() {
        try (InputStream in = PipelineConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default pipeline resource " + DEFAULT_RESOURCE + " is missing");
            }
            return load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-pipeline.yaml",
                    ConfigFormat.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Resolves a configuration built in code: overrides, then validation. */
    public ResolvedPipeline resolve(PipelineConfig config) {
        return finish(config, "", SourceLocations.none(), Map.of());
    }

    private ResolvedPipeline resolve(ConfigDocument document) {
        PipelineConfig config = loader.bind(document, PipelineConfig.class);
        return finish(config, document.source(), document.locations(), document.secrets());
    }

    private ResolvedPipeline finish(PipelineConfig config, String source, SourceLocations locations,
                                    Map<String, String> secrets) {
        List<AppliedOverride> applied = new ArrayList<>();
        PipelineConfig overridden = overrides.apply(config, applied);
        ResolvedPipeline pipeline = new ResolvedPipeline(overridden, source, locations, secrets, applied);
        PipelineValidator.validate(pipeline);
        return pipeline;
    }
}
