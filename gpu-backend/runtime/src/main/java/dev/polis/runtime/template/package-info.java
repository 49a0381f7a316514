/**
 * Chat templates (Jinja, from tokenizer_config.json) rendered with Jinjava the way Hugging Face renders them.
 */
package dev.polis.runtime.template;
