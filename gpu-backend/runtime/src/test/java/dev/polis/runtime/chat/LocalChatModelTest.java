package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local chat model end to end on a tiny random checkpoint: template, tokenizer, decoders, stops, usage. */
class LocalChatModelTest {

    private static final ChatRequest REQUEST = ChatRequest.of(Message.system("Be brief."), Message.user("Hello?"));

    @TempDir
    static Path temp;

    private static Path folder;

    private static ChatModel model;

    @BeforeAll
    static void load() {
        folder = TinyChatCheckpoint.writeTo(temp);
        model = provider().create(ModelRequest.of("local:" + folder));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void countsThePromptAsTheRenderedTemplateAndRespectsTheTokenLimit() {
        ChatResponse response = model.chat(REQUEST.withSettings(GenerationSettings.DEFAULTS.withMaxTokens(6)));
        String rendered = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello?<|im_end|>\n<|im_start|>assistant\n";
        try (PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            assertThat(response.usage().promptTokens()).isEqualTo(tokenizer.encode(rendered).length);
        }
        assertThat(response.usage().completionTokens()).isBetween(1, 6);
        assertThat(response.finishReason()).isIn(FinishReason.LENGTH, FinishReason.STOP);
        assertThat(response.model()).isEqualTo(folder.getFileName().toString());
        assertThat(model.spec()).isEqualTo("local:" + folder);
    }

    @Test
    void greedyDecodingIsDeterministic() {
        ChatRequest request = REQUEST.withSettings(GenerationSettings.DEFAULTS.withMaxTokens(30));
        assertThat(model.chat(request).text()).isEqualTo(model.chat(request).text());
    }

    @Test
    void theSameSeedSamplesTheSameAnswer() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withMaxTokens(30).withTemperature(1.0).withSeed(11);
        ChatResponse first = model.chat(REQUEST.withSettings(settings));
        ChatResponse second = model.chat(REQUEST.withSettings(settings));
        assertThat(first.text()).isEqualTo(second.text());
        assertThat(first.usage()).isEqualTo(second.usage());
    }

    @Test
    void aStopStringEndsTheAnswerAndIsLeftOut() {
        GenerationSettings settings = GenerationSettings.DEFAULTS.withMaxTokens(40);
        String full = model.chat(REQUEST.withSettings(settings)).text();
        assertThat(full.length()).as("greedy answer of the tiny model: '" + full + "'").isGreaterThanOrEqualTo(8);
        String stop = full.substring(4, 7);
        ChatResponse stopped = model.chat(REQUEST.withSettings(settings.withStop(List.of(stop))));
        assertThat(stopped.text()).isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void streamsPiecesThatAddUpToTheAnswer() {
        List<String> pieces = new ArrayList<>();
        ChatResponse response = model.stream(REQUEST.withSettings(GenerationSettings.DEFAULTS.withMaxTokens(20)),
                new ChatStreamListener() {
                    @Override
                    public void onText(String piece) {
                        pieces.add(piece);
                    }
                });
        assertThat(String.join("", pieces)).isEqualTo(response.text());
    }

    @Test
    void anUnknownDecoderFailsBeforeLoadingWithTheKnownOnes() {
        assertThatThrownBy(() -> provider().create(ModelRequest.of("local:" + folder)
                .withInference(new InferenceOptions(null, "decoder.beam", List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("decoder.beam")
                .hasMessageContaining("decoder.greedy, decoder.sampling");
    }

    @Test
    void aMissingFolderFailsWithItsName() {
        assertThatThrownBy(() -> provider().create(ModelRequest.of("local:" + folder.resolve("nope"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> provider().create(ModelRequest.of("local:")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("local:<checkpoint folder>");
    }

    @Test
    void cudaRequestedWithoutCudaFailsClearly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.polis.runtime.engine.PyTorchEngine.get().getGpuCount() == 0);
        assertThatThrownBy(() -> provider().create(ModelRequest.of("local:" + folder)
                .withInference(new InferenceOptions("cuda:0", null, List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cuda:0")
                .hasMessageContaining("no CUDA GPU");
    }

    private static LocalChatModelProvider provider() {
        return new LocalChatModelProvider(TestHost.extensions(), TestHost.settings());
    }
}
