/**
 * Tokenizers of Hugging Face checkpoints on DJL's binding of the Rust tokenizers library: loading (offline), special tokens, streaming decode, and writing byte-level tokenizers for new checkpoints.
 */
package dev.polis.runtime.tokenizer;
