/** {@code polis snapkv bench}: decode speed, KV bytes and resident memory with and without SnapKV, side by side. */
package dev.polis.snapkv.cli;
