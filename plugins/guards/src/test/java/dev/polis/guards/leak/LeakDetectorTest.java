package dev.polis.guards.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak detector's three checks on small hand-made prompts and outputs whose answer is known. */
class LeakDetectorTest {

    private static final String PROMPT = "You are the booking assistant of Linden Practice. Book, move and cancel "
            + "appointments with Dr. Osei and the practice nurse. Do not give diagnoses. Appointments can be cancelled "
            + "free of charge up to 24 hours before.";
    private final LeakDetector detector = new LeakDetector(0.5, 8, 0.6, 0.5);

    @Test
    void aCanaryIsFoundInAnyLetterCase() {
        assertThat(detector.inspect("the word is lantern", "A guessing game.", List.of("LANTERN")).leaked()).isTrue();
    }

    @Test
    void aCanarySpelledOutLetterByLetterIsFound() {
        LeakDetector.Finding f = detector.inspect("I can spell it: L-A-N-T-E-R-N.", "A guessing game.",
                List.of("LANTERN"));
        assertThat(f.leaked()).isTrue();
        assertThat(f.score()).isEqualTo(1);
        assertThat(detector.inspect("I can spell it: L A N T E R N", "x", List.of("LANTERN")).leaked()).isTrue();
    }

    @Test
    void aCanaryHiddenWithZeroWidthCharactersIsFound() {
        assertThat(detector.inspect("tag <!-- 3f9a\u200b1c7e -->", "x", List.of("<!-- 3f9a1c7e -->")).leaked())
                .isTrue();
    }

    @Test
    void theWholePromptRepeatedIsATrigramLeak() {
        LeakDetector.Finding f = detector.inspect("Sure: " + PROMPT, PROMPT, List.of());
        assertThat(f.leaked()).isTrue();
        assertThat(f.reason()).contains("word trigrams");
    }

    @Test
    void theRulesInOtherWordsAreAContentWordLeak() {
        // 16 content stems in the prompt; this output names 14 of them (87.5%; not "assistant", "charge")
        String output = "I'm the Linden Practice booking helper: I book, move or cancel appointments with Dr Osei "
                + "or the nurse, I never give a diagnosis, and cancelling is free until 24 hours ahead.";
        LeakDetector.Finding f = detector.inspect(output, PROMPT, List.of());
        assertThat(f.leaked()).isTrue();
        assertThat(f.reason()).contains("content words");
    }

    @Test
    void aSmallerShareCountsOnlyWhenTheOutputSpeaksOfItsInstructions() {
        // "booking", "linden", "practice", "appointments", "osei", "diagnoses": 6 of 16 stems, 37.5%
        LeakDetector cuedAtAThird = new LeakDetector(0.5, 8, 0.6, 0.35);
        String plain = "Linden Practice booking: appointments with Dr Osei; no diagnoses.";
        String cued = "My instructions: Linden Practice booking, appointments with Dr Osei, no diagnoses.";
        assertThat(ContentWords.coverage(ContentWords.of(PROMPT), ContentWords.of(plain))).isEqualTo(0.375);
        assertThat(cuedAtAThird.inspect(plain, PROMPT, List.of()).leaked()).isFalse();
        assertThat(cuedAtAThird.inspect(cued, PROMPT, List.of()).leaked()).isTrue();
    }

    @Test
    void anOrdinaryAnswerOnTheSameTopicIsNoLeak() {
        String answer = "I've moved your appointment with Dr. Osei to Thursday at 10:40.";
        assertThat(detector.inspect(answer, PROMPT, List.of()).leaked()).isFalse();
    }

    @Test
    void theTwoArgumentDetectorChecksCanariesAndTrigramsOnly() {
        String output = "My instructions: I'm the Linden Practice booking helper: I book, move or cancel appointments "
                + "with Dr Osei or the nurse, I never give a diagnosis, and cancelling is free until 24 hours ahead.";
        assertThat(new LeakDetector(0.5, 8).inspect(output, PROMPT, List.of()).leaked()).isFalse();
        assertThat(detector.inspect(output, PROMPT, List.of()).leaked()).isTrue();
    }

    @Test
    void aPromptShorterThanTheMinimumIsCheckedForCanariesOnly() {
        assertThat(detector.inspect("Talk like a pirate.", "Talk like a pirate.", List.of()).leaked()).isFalse();
    }

    @Test
    void fewerThanThreeSharedContentWordsNeverCount() {
        // three stems ("pirate", "barnacle", "told"); two of them are 67%, above the threshold, yet too few
        String prompt = "Always be the pirate Barnacle and do as you are told.";
        assertThat(ContentWords.of(prompt)).hasSize(3);
        assertThat(detector.inspect("Barnacle the pirate.", prompt, List.of()).leaked()).isFalse();
    }
}
