package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Replaying rounds from agreement patterns gives the rounds greedy self-speculation would run. */
class ExitAgreementTest {

    private static ExitAgreement oneExit(boolean... pattern) {
        return new ExitAgreement(2, new boolean[][][] {null, {pattern}});
    }

    @Test
    void roundsKeepTheAgreeingPrefixAndAddOneToken() {
        // positions: 1 1 0 | 1 1 1 | 0 | 1 1 0 ; d = 3 -> rounds emit 3 (m=2), 4 (m=3: all kept), 1 (m=0), 3 (m=2)
        ExitAgreement agreement = oneExit(true, true, false, true, true, true, true, false, true, true, false);
        ExitAgreement.Rounds rounds = agreement.simulate(1, 3);
        assertThat(rounds.rounds()).isEqualTo(4);
        assertThat(rounds.emitted()).isEqualTo(11);
        assertThat(rounds.accepted()).isEqualTo(7);
        assertThat(rounds.drafted()).isEqualTo(12);
        assertThat(agreement.alpha(1)).isEqualTo(8 / 11.0);
    }

    @Test
    void aRoundCutShortByTheEndOfTheTextIsLeftOut() {
        ExitAgreement agreement = oneExit(true, false, true, true);
        // d = 4: round 1 emits 2 (m=1); round 2 would need positions past the end
        ExitAgreement.Rounds rounds = agreement.simulate(1, 4);
        assertThat(rounds.rounds()).isEqualTo(1);
        assertThat(rounds.emitted()).isEqualTo(2);
        assertThat(rounds.tokensPerRound()).isEqualTo(2.0);
    }

    @Test
    void perfectAgreementEmitsDPlusOnePerRound() {
        boolean[] all = new boolean[20];
        java.util.Arrays.fill(all, true);
        ExitAgreement.Rounds rounds = oneExit(all).simulate(1, 4);
        assertThat(rounds.rounds()).isEqualTo(4);
        assertThat(rounds.tokensPerRound()).isEqualTo(5.0);
        assertThat(rounds.acceptanceRate()).isEqualTo(1.0);
    }
}
