package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.fixtures.RecordingAccelerator;
import dev.polis.runtime.fixtures.RecordingDecoder;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request's inference options, completed by the host, decide the local model's decoder and accelerators. */
class LocalChatModelProviderTest {

    private static final ChatRequest REQUEST = ChatRequest.of(Message.user("Hello?"))
            .withSettings(GenerationSettings.DEFAULTS.withMaxTokens(3));

    @TempDir
    static Path temp;

    private static Path folder;

    @BeforeAll
    static void writeCheckpoint() {
        folder = TinyChatCheckpoint.writeTo(temp);
    }

    @BeforeEach
    void forget() {
        RecordingDecoder.clear();
        RecordingAccelerator.clear();
    }

    @Test
    void theDecodersSettingsBlockReachesItAsTheRequestOptions() {
        InferenceOptions inference = new InferenceOptions("cpu", RecordingDecoder.ID, List.of(),
                Map.of(RecordingDecoder.ID, Map.of("exitLayer", 6, "draftTokens", 8), "decoder.other", Map.of("x", 1)));
        try (ChatModel model = provider().create(ModelRequest.of("local:" + folder).withInference(inference))) {
            model.chat(REQUEST);
            model.chat(REQUEST.withSettings(GenerationSettings.DEFAULTS.withMaxTokens(2).withTemperature(1.0)));
        }
        assertThat(RecordingDecoder.USES).hasSize(2).allSatisfy(use -> {
            assertThat(use.folder()).isEqualTo(folder);
            assertThat(use.options()).isEqualTo(Map.of("exitLayer", 6, "draftTokens", 8));
        });
    }

    @Test
    void acceleratorsAreInstalledInOrderWithTheirOwnSettingsBlocks() {
        InferenceOptions inference = new InferenceOptions(null, null,
                List.of(RecordingAccelerator.ID, RecordingAccelerator.ID),
                Map.of(RecordingAccelerator.ID, Map.of("ratio", 0.5)));
        try (ChatModel model = provider().create(ModelRequest.of("local:" + folder).withInference(inference))) {
            assertThat(model.chat(REQUEST).usage().completionTokens()).isBetween(1, 3);
        }
        assertThat(RecordingAccelerator.INSTALLS).hasSize(2).allSatisfy(install -> {
            assertThat(install.runtime()).isTrue();
            assertThat(install.model()).contains(folder.toString());
            assertThat(install.settings()).isEqualTo(Map.of("ratio", 0.5));
        });
        assertThat(RecordingDecoder.USES).isEmpty();
    }

    @Test
    void anUnknownAcceleratorFailsWithTheKnownOnes() {
        InferenceOptions inference = new InferenceOptions(null, null, List.of("accelerator.nope"));
        assertThatThrownBy(() -> provider().create(ModelRequest.of("local:" + folder).withInference(inference)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("accelerator.nope")
                .hasMessageContaining(RecordingAccelerator.ID);
    }

    private static LocalChatModelProvider provider() {
        return new LocalChatModelProvider(TestHost.extensions(new RecordingDecoder(), new RecordingAccelerator()),
                TestHost.settings());
    }
}
