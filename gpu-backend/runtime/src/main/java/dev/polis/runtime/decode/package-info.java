/**
 * The greedy and sampling decoders, the token loop they share, and the streaming of decoded text with stop strings.
 */
package dev.polis.runtime.decode;
