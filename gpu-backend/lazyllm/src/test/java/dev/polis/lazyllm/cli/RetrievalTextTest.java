package dev.polis.lazyllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The retrieval task's texts: quiz documents and prompts with either value alphabet, read back by regular expressions. */
class RetrievalTextTest {

    private static final Pattern FACT = Pattern.compile(" ([A-Z])([^ .a-z\\n?A-Z]{4})\\. ");

    @Test
    void everyFactOfAQuizIsAskedOnceAfterTheContextAndAnsweredByItsValue() {
        SplittableRandom random = new SplittableRandom(3);
        for (int d = 0; d < 50; d++) {
            int facts = 1 + d % 26;
            String doc = RetrievalText.quiz(random, 200 + 20 * d, facts, ValueAlphabet.SYMBOLS);
            int split = doc.indexOf("\n?");
            String context = doc.substring(0, split);
            assertThat(context.length()).isGreaterThanOrEqualTo(200 + 20 * d);
            List<String> placed = new ArrayList<>();
            Matcher fact = FACT.matcher(context);
            while (fact.find()) {
                placed.add(fact.group(1) + fact.group(2));
            }
            assertThat(placed).as("facts in the context of document %d", d).hasSize(facts);
            assertThat(doc.substring(split)).endsWith("\n");
            List<String> asked = new ArrayList<>(List.of(doc.substring(split + 2, doc.length() - 1).split("\n\\?")));
            assertThat(asked).containsExactlyInAnyOrderElementsOf(placed);
            asked.forEach(a -> assertThat(a.substring(1).chars())
                    .allMatch(c -> ValueAlphabet.SYMBOL_CHARACTERS.indexOf(c) >= 0));
        }
    }

    @Test
    void aSymbolPromptEndsWithTheQuestionOfItsNeedleWhoseValueIsTheAnswer() {
        SplittableRandom random = new SplittableRandom(9);
        for (int p = 0; p < 20; p++) {
            RetrievalText.Prompt prompt = RetrievalText.prompt(random, 300, 8, p / 19.0, ValueAlphabet.SYMBOLS);
            byte[] bytes = new byte[prompt.tokens().length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) prompt.tokens()[i];
            }
            String text = new String(bytes, StandardCharsets.US_ASCII);
            assertThat(text).hasSize(300);
            char key = text.charAt(text.length() - 1);
            assertThat(text.substring(text.length() - 3, text.length() - 1)).isEqualTo("\n?");
            assertThat(text.substring(prompt.needleAt())).startsWith(key + prompt.answer() + ". ");
            assertThat(FACT.matcher(text).results().count()).isEqualTo(9);
            assertThat(prompt.answer()).hasSize(4);
        }
    }

    @Test
    void digitPromptsAreTheValuesOneThousandToNineThousandNineHundredNinetyNine() {
        SplittableRandom random = new SplittableRandom(1);
        for (int p = 0; p < 20; p++) {
            String answer = RetrievalText.prompt(random, 120, 3, 0.5).answer();
            assertThat(Integer.parseInt(answer)).isBetween(1000, 9999);
        }
    }

    @Test
    void everyRandomStringOfARepeatDocumentIsWrittenAgainOnceAfterTheContext() {
        Pattern string = Pattern.compile(" ([A-Z0-9!#$%&*+\\-/;<=>@\\[\\]^_{|}~]{4,24})\\. ");
        SplittableRandom random = new SplittableRandom(5);
        for (int d = 0; d < 50; d++) {
            int strings = 1 + d % 12;
            String doc = RetrievalText.repeats(random, 150 + 30 * d, strings);
            int split = doc.indexOf("\n?");
            String context = doc.substring(0, split);
            assertThat(context.length()).isGreaterThanOrEqualTo(150 + 30 * d);
            List<String> placed = string.matcher(context).results().map(m -> m.group(1)).toList();
            assertThat(placed).as("strings in the context of document %d", d).hasSize(strings);
            List<String> again = List.of(doc.substring(split + 2, doc.length() - 1).split("\n\\?"));
            assertThat(again).containsExactlyInAnyOrderElementsOf(placed);
            assertThat(doc).endsWith("\n");
        }
    }
}
