package dev.polis.runtime.seam;

/**
 * Why tokens were appended to a session's caches, as {@link KvCachePolicy KV-cache policies} are told.
 *
 * <p>Single-token decode steps are no phase: policies are not called for them.
 */
public enum AppendPhase {

    /**
     * A prompt: a multi-token {@code appendLast}, or the first append of an empty session. Policies run once per
     * layer, as soon as the installed {@link PrefillStrategy} has put the prompt's last token into that layer (after
     * the last piece when the strategy appends the prompt in pieces), before the next layer runs.
     */
    PROMPT,

    /** A verification block of a speculative decoder (LayerSkip's pass of layers {@code E..L-1} over the drafts). */
    VERIFY,

    /** Any other multi-token append: {@code append} of several tokens (teacher forcing, scoring). */
    APPEND
}
