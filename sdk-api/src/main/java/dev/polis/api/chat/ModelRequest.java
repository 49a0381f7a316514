package dev.polis.api.chat;

import java.util.Objects;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;

/**
 * Asks for a model: what the spec names, how to run it, and for which run.
 *
 * <p>The same record goes to {@link dev.polis.api.host.Models} (which completes it) and to
 * {@link ChatModelProvider} and {@link dev.polis.api.embedding.EmbeddingModelProvider} (which get it completed).
 *
 * @param spec      the model, {@code provider:location#model} with its options
 * @param inference device, decoder and accelerators for in-process models; unset fields are the operator's
 *                  choice, then the runtime's default
 * @param run       the run the model serves; its folder receives the call log
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ModelRequest(ModelSpec spec, InferenceOptions inference, RunContext run) {

    /** Checks the components; a {@code null} inference means "leave every choice open". */
    public ModelRequest {
        Objects.requireNonNull(spec, "spec");
        inference = inference == null ? InferenceOptions.DEFAULTS : inference;
        Objects.requireNonNull(run, "run");
    }

    /** Returns a request for {@code spec} outside any run, leaving every inference choice open. */
    public static ModelRequest of(ModelSpec spec) {
        return new ModelRequest(spec, InferenceOptions.DEFAULTS, RunContext.detached(0));
    }

    /**
     * Returns a request for the spec written {@code provider:location#model}, outside any run.
     *
     * @throws dev.polis.api.InvalidInputException when the text has no provider part
     */
    public static ModelRequest of(String spec) {
        return of(ModelSpec.parse(spec));
    }

    /** Returns this request with other inference choices. */
    public ModelRequest withInference(InferenceOptions options) {
        return new ModelRequest(spec, options, run);
    }

    /** Returns this request for the model of run {@code context}, whose calls are recorded in its folder. */
    public ModelRequest inRun(RunContext context) {
        return new ModelRequest(spec, inference, context);
    }
}
