package dev.polis.api.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void splitsProviderLocationAndModelAtTheFirstColonAndTheLastHash() {
        ModelSpec spec = ModelSpec.parse("openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
        assertThat(spec.provider()).isEqualTo("openai");
        assertThat(spec.location()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(spec.model()).isEqualTo("qwen2.5:7b");
        assertThat(spec).hasToString("openai:http://127.0.0.1:11434/v1#qwen2.5:7b");
    }

    @Test
    void locationAndModelAreOptional() {
        assertThat(ModelSpec.parse("local:models/tiny").model()).isEmpty();
        assertThat(ModelSpec.parse("scripted").location()).isEmpty();
    }

    @Test
    void aSpecWithoutProviderSaysHowToWriteOne() {
        assertThatThrownBy(() -> ModelSpec.parse(":models/tiny"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no provider").hasMessageContaining("provider:location#model");
        assertThatThrownBy(() -> ModelSpec.parse(" ")).isInstanceOf(InvalidInputException.class);
    }
}
