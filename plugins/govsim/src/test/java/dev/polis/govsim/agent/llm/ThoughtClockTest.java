package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryNode;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.game.Seat;
import dev.polis.govsim.protocol.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code thoughtClock: original} stamps the two thoughts after the chat of every agent that did not open it with the
 * month's harvest day (the original stamps them with that agent's last observation), while the opener's thoughts and
 * everyone's chat summary keep the discussion day; the default stamps every thought with the discussion day.
 */
class ThoughtClockTest {

    private static final String PLAN = "I will keep to ten.";

    @Test
    void theOriginalClockStampsTheThoughtsOfAgentsThatDidNotOpenTheChatWithTheHarvestDay() {
        Map<Boolean, List<LocalDate>> byOpener = thoughtDays("original");
        LocalDate harvest = dev.polis.govsim.game.GovSimGame.START;

        assertThat(byOpener.get(false)).hasSize(4 * 2).containsOnly(harvest);
        assertThat(byOpener.get(true)).hasSize(2).allSatisfy(day -> assertThat(day).isAfter(harvest.plusDays(20)));
    }

    @Test
    void theDefaultClockStampsEveryThoughtWithTheDiscussionDay() {
        Map<Boolean, List<LocalDate>> byOpener = thoughtDays("discussion");

        assertThat(byOpener.get(false)).hasSize(8).containsOnly(byOpener.get(true).get(0));
        assertThat(byOpener.get(true)).hasSize(2);
    }

    /** Plays one month and returns the creation days of the after-chat thoughts, by whether their agent opened the chat. */
    private static Map<Boolean, List<LocalDate>> thoughtDays(String clock) {
        GovSimConfig config = GovSimConfig.defaults(Scenario.FISHERY, Experiment.DEFAULT, 7).withHorizon(1);
        PhaseScriptedSociety society = new PhaseScriptedSociety(config, Map.of("thoughtClock", clock),
                PhaseScriptedSociety::plainAnswer);
        society.play();
        String opener = society.seats.get(0).profile().id();
        java.util.Map<Boolean, List<LocalDate>> days = new java.util.HashMap<>();
        for (Seat seat : society.seats) {
            List<LocalDate> mine = ((LlmGovSimAgent) seat.agent()).memories().stream()
                    .filter(m -> m.kind() == MemoryKind.THOUGHT && m.description().equals(PLAN))
                    .map(MemoryNode::created).map(java.time.LocalDateTime::toLocalDate).toList();
            days.merge(seat.profile().id().equals(opener), mine, (a, b) -> java.util.stream.Stream.concat(a.stream(),
                    b.stream()).toList());
        }
        return days;
    }
}
