package dev.polis.govsim.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.agent.llm.memory.MemoryKind;
import dev.polis.govsim.agent.llm.memory.MemoryStream;
import org.junit.jupiter.api.Test;

class AgentStateJsonTest {

    @Test
    void memoriesAndCallCountsSurviveARoundTrip() {
        MemoryStream memory = new MemoryStream();
        LocalDateTime t = LocalDateTime.of(2024, 1, 30, 1, 0);
        memory.add(MemoryKind.THOUGHT, "Kate said \"10 each\".", t, t.plusDays(63), 7, false);
        memory.add(MemoryKind.EVENT, "pool", t.minusDays(29), t.plusDays(1), 10, true);
        CallCounter calls = new CallCounter();
        calls.count(0, CallPurpose.HARVEST);
        calls.count(0, CallPurpose.IMPORTANCE);
        calls.count(0, CallPurpose.IMPORTANCE);

        MemoryStream restored = new MemoryStream();
        CallCounter restoredCalls = new CallCounter();
        AgentStateJson.read(AgentStateJson.write(memory, calls), restored, restoredCalls);

        assertThat(restored.all()).isEqualTo(memory.all());
        assertThat(restoredCalls.snapshot()).isEqualTo(calls.snapshot());
    }

    @Test
    void damagedStateIsRefusedWithAReason() {
        assertThatThrownBy(() -> AgentStateJson.read("{nope", new MemoryStream(), new CallCounter()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not readable");
        assertThatThrownBy(() -> AgentStateJson.read("{\"version\":1,\"memories\":[{\"id\":1,\"kind\":\"DREAM\","
                + "\"description\":\"x\",\"created\":\"2024-01-01T01:00\",\"expires\":\"2024-01-02T01:00\","
                + "\"importance\":5,\"alwaysInclude\":false}],\"calls\":{}}", new MemoryStream(), new CallCounter()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> AgentStateJson.read("{\"version\":9,\"memories\":[],\"calls\":{}}", new MemoryStream(),
                new CallCounter())).isInstanceOf(InvalidInputException.class).hasMessageContaining("layout 9");
    }
}
