/**
 * {@code polis model train}: trains a Hugging Face–format decoder-only checkpoint on a byte-level tokenized corpus
 * with DJL autograd (AdamW, warm-up and cosine learning rate, gradient clipping, held-out split, resumable
 * checkpoints), and the {@link dev.polis.runtime.train.TrainingRecipe} hook through which recipes such as
 * LayerSkip add layer dropout and early-exit losses, and the {@link dev.polis.runtime.train.TrainingSeam} through
 * which a recipe replaces feed-forward blocks, adds weights and adds auxiliary losses (MH-MoE).
 */
package dev.polis.runtime.train;
