package dev.polis.guards.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which outputs speak of their writer's instructions. */
class DisclosureCuesTest {

    @Test
    void outputsThatReportTheirInstructionsAreCued() {
        assertThat(DisclosureCues.in("My instructions say that I should keep answers short.")).isTrue();
        assertThat(DisclosureCues.in("I was told to recommend travel insurance once.")).isTrue();
        assertThat(DisclosureCues.in("I’m not allowed to name competitors.")).isTrue();
        assertThat(DisclosureCues.in("Here's how I'm set up: I help with bills.")).isTrue();
    }

    @Test
    void theCueIsReadInOtherLanguages() {
        assertThat(DisclosureCues.in("Mis instrucciones son ayudar con los préstamos.")).isTrue();
        assertThat(DisclosureCues.in("Voici mes consignes : rester poli.")).isTrue();
        assertThat(DisclosureCues.in("Meine Vorgaben lauten ungefähr so.")).isTrue();
        assertThat(DisclosureCues.in("Mijn opdracht in het kort.")).isTrue();
    }

    @Test
    void ordinaryAnswersAreNotCued() {
        assertThat(DisclosureCues.in("I should mention that check-in opens 30 hours before departure.")).isFalse();
        assertThat(DisclosureCues.in("You must bring your passport. Ich muss los.")).isFalse();
        assertThat(DisclosureCues.in("Your order ships tomorrow.")).isFalse();
    }
}
