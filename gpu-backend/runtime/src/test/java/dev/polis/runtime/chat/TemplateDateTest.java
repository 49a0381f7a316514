package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.runtime.tokenizer.PolisTokenizer;
import dev.polis.runtime.tokenizer.Tokenizers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code date} option of a {@code local:} model sets the date its chat template sees: a fixed day renders in
 * {@code strftime_now} and Llama 3.1's {@code date_string} on every run alike; without it the clock gives today and
 * {@code date_string} stays the template's own default; bad values and unknown options are refused naming them.
 */
class TemplateDateTest {

    private static final String DATED = """
            {{- strftime_now("%d %b %Y") }}|{{ date_string | default("none") }}|{% for m in messages %}{{ m.content }}{% endfor %}""";

    @TempDir
    static Path temp;

    private static Path dated;
    private static Path llama;

    @BeforeAll
    static void write() throws IOException {
        dated = TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve("dated")));
        Files.writeString(dated.resolve("chat_template.jinja"), DATED);
        llama = TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve("llama")), 1024);
        try (InputStream in = TemplateDateTest.class.getResourceAsStream("/templates/llama3.1-tools.jinja")) {
            Files.write(llama.resolve("chat_template.jinja"), in.readAllBytes());
        }
    }

    @Test
    void aFixedDayRendersInStrftimeNowAndDateStringOnEveryRunAlike() {
        String first = prompt(dated, Map.of("date", "2026-01-02"));
        assertThat(first).isEqualTo("02 Jan 2026|02 Jan 2026|Hi");
        assertThat(prompt(dated, Map.of("date", "2026-01-02"))).isEqualTo(first);
        assertThat(prompt(dated, Map.of("date", "2025-12-31T23:59:00Z"))).startsWith("31 Dec 2025|31 Dec 2025|");
        assertThat(prompt(llama, Map.of("date", "2026-01-02"))).contains("Today Date: 02 Jan 2026\n");
    }

    @Test
    void withoutTheOptionTheClockGivesTodayAndDateStringStaysTheTemplates() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);
        String before = LocalDate.now().format(day);
        String text = prompt(dated, Map.of());
        String after = LocalDate.now().format(day);
        assertThat(text).isIn(before + "|none|Hi", after + "|none|Hi");
        assertThat(prompt(dated, Map.of("date", "clock"))).isIn(before + "|none|Hi", after + "|none|Hi");
        assertThat(prompt(llama, Map.of())).contains("Today Date: 26 Jul 2024\n");
    }

    @Test
    void aBadDateOrAnUnknownOptionIsRefusedNamingIt() {
        assertThatThrownBy(() -> prompt(dated, Map.of("date", "yesterday")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.date: expected clock");
        assertThatThrownBy(() -> prompt(dated, Map.of("colour", "blue")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.colour: local models take");
    }

    /** Returns the prompt text a local model over {@code folder} with {@code options} renders for "Hi". */
    private static String prompt(Path folder, Map<String, Object> options) {
        PromptCapture capture = new PromptCapture();
        ModelRequest request = ModelRequest.of(new ModelSpec("local", folder.toString(), "", options))
                .withInference(new InferenceOptions(null, PromptCapture.ID, List.of()));
        try (ChatModel model = new LocalChatModelProvider(TestHost.extensions(capture), TestHost.settings())
                .create(request); PolisTokenizer tokenizer = Tokenizers.load(folder)) {
            assertThat(model.chat(ChatRequest.of(Message.user("Hi"))).finishReason()).isEqualTo(FinishReason.STOP);
            return tokenizer.decode(capture.prompt);
        }
    }

    /** A test decoder that keeps the prompt it was given and answers nothing. */
    static final class PromptCapture implements Decoder {

        static final String ID = "decoder.test-prompt-capture";

        volatile int[] prompt;

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "test decoder: keeps the prompt";
        }

        @Override
        public Set<String> capabilities() {
            return Set.of();
        }

        @Override
        public DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener) {
            prompt = request.prompt();
            return new DecodeResult(new int[0], FinishReason.STOP, Map.of());
        }
    }
}
