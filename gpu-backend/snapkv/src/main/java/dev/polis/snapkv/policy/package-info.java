/**
 * The SnapKV compression: votes of the observation window ({@link dev.polis.snapkv.policy.WindowVotes}), their
 * pooling ({@link dev.polis.snapkv.policy.Pooling}), the per-head choice ({@link dev.polis.snapkv.policy.Selection})
 * and the KV-cache policy that rewrites each layer's cache ({@link dev.polis.snapkv.policy.SnapKvPolicy}).
 */
package dev.polis.snapkv.policy;
