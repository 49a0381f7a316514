/**
 * Records every model call of a run in {@code calls.jsonl} and replays such a recording as a deterministic model.
 *
 * <p>{@link dev.polis.core.calls.RecordingChatModel} wraps any chat model and appends one {@link
 * dev.polis.core.calls.CallRecord} per call to a {@link dev.polis.core.calls.CallLog}; the {@code replay}
 * provider ({@link dev.polis.core.calls.ReplayChatModelProvider}) turns the file back into a model.
 */
package dev.polis.core.calls;
