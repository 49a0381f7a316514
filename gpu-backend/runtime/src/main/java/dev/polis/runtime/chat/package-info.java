/**
 * The local chat model provider: checkpoints run in process, with their tokenizer, chat template and a decoder.
 */
package dev.polis.runtime.chat;
