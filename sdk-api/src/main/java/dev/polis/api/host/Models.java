package dev.polis.api.host;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.chat.InferenceOptions;
import org.apiguardian.api.API;

/**
 * The one road from a model spec to a model: finds the spec's provider, applies the operator's inference
 * choices and records every call of a run.
 *
 * <p>The host binds it; plugins receive it by injection and never call a provider themselves. For a request:
 * <ol>
 *   <li>inference choices the request leaves open (a {@code null} device or decoder, unset accelerators) are
 *       filled with the operator's ({@code POLIS_DEVICE}, {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS},
 *       their {@code -Dpolis.*} properties), see {@link #operatorChoices()};</li>
 *   <li>the provider named by the spec creates the model from the completed request;</li>
 *   <li>when the request's run keeps records, every call is appended to the run folder's {@code calls.jsonl},
 *       so that {@code replay:<folder>/calls.jsonl} can answer it again.</li>
 * </ol>
 * The caller owns and closes the model.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Models {

    /**
     * Creates the chat model {@code request} names.
     *
     * @throws dev.polis.api.InvalidInputException when the spec is malformed, its provider unknown (the message
     *                                             lists the known ones) or its options wrong
     */
    ChatModel chat(ModelRequest request);

    /**
     * Creates the embedding model {@code request} names.
     *
     * @throws dev.polis.api.InvalidInputException when the spec is malformed, its provider unknown or its options wrong
     */
    EmbeddingModel embedding(ModelRequest request);

    /** Returns the inference choices the operator made outside configuration, resolved once when the host started. */
    InferenceOptions operatorChoices();

    /** Creates the chat model {@code spec} names, outside any run ({@code openai:http://127.0.0.1:11434/v1#qwen2.5:7b}). */
    default ChatModel chat(String spec) {
        return chat(ModelRequest.of(spec));
    }

    /** Creates the embedding model {@code spec} names, outside any run. */
    default EmbeddingModel embedding(String spec) {
        return embedding(ModelRequest.of(spec));
    }
}
