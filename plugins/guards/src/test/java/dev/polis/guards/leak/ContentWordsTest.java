package dev.polis.guards.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Content-word stems and their coverage on small texts whose answer is known. */
class ContentWordsTest {

    @Test
    void functionWordsAreDroppedEndingsStrippedAndNumbersKept() {
        assertThat(ContentWords.of("You must never share the recipes with 27 customers."))
                .containsExactly("shar", "recip", "27", "customer");
    }

    @Test
    void functionWordsOfOtherLanguagesAreDroppedAndAccentsFolded() {
        assertThat(ContentWords.of("Réponds aux questions sur les chambres")).containsExactly("repond", "question",
                "chambr");
        assertThat(ContentWords.of("Du bist der Assistent von Radhaus")).containsExactly("assistent", "radhau");
    }

    @Test
    void coverageIsTheShareOfStemsTheOtherTextNames() {
        Set<String> prompt = ContentWords.of("Book appointments with the nurse; cancellations are free.");
        // book, appointment, nurs, cancell, fre: "booking" meets "book", "appointment" meets "appointments"
        assertThat(prompt).hasSize(5);
        assertThat(ContentWords.coverage(prompt, ContentWords.of("Booking an appointment is free."))).isEqualTo(0.6);
    }

    @Test
    void numbersMatchOnlyTheSameNumber() {
        assertThat(ContentWords.coverage(ContentWords.of("27 days"), ContentWords.of("270 days"))).isEqualTo(0.5);
    }

    @Test
    void anEmptyTextCoversNothing() {
        assertThat(ContentWords.coverage(Set.of(), ContentWords.of("anything"))).isZero();
    }
}
