package dev.polis.guards.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccentFoldingTest {

    @Test
    void accentsAreFoldedLetterByLetterSoOffsetsStay() {
        assertThat(AccentFolding.fold("oublie ma dernière réponse")).isEqualTo("oublie ma derniere reponse");
        assertThat(AccentFolding.fold("esqueça")).hasSize("esqueça".length());
    }

    @Test
    void aTypographicApostropheBecomesAPlainOne() {
        assertThat(AccentFolding.fold("don\u2019t")).isEqualTo("don't");
    }

    @Test
    void lettersWithoutAccentsAndOtherScriptsStayAsTheyAre() {
        assertThat(AccentFolding.fold("never mind my last question")).isEqualTo("never mind my last question");
        assertThat(AccentFolding.fold("забудь")).isEqualTo("забудь");
    }
}
