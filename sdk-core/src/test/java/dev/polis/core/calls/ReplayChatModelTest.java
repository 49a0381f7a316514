package dev.polis.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.chat.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReplayChatModelTest {

    @TempDir
    Path dir;

    private final ReplayChatModelProvider provider = new ReplayChatModelProvider();

    /** A model whose answers depend on a counter, so a replay that calls it would give other answers. */
    private static ChatModel counting() {
        AtomicInteger calls = new AtomicInteger();
        return request -> {
            int n = calls.incrementAndGet();
            if (request.messages().getLast().content().equals("fail")) {
                throw new PolisException("upstream broke on call " + n);
            }
            return new ChatResponse("answer " + n + " to " + request.messages().getLast().content(),
                    n % 2 == 0 ? FinishReason.LENGTH : FinishReason.STOP, new Usage(n, n + 1), "m-" + n);
        };
    }

    private static ChatRequest ask(String agent, String... turns) {
        List<Message> messages = new ArrayList<>(List.of(Message.system("You play the fishery game.")));
        for (String turn : turns) {
            messages.add(Message.user(turn));
        }
        return new ChatRequest(messages, GenerationSettings.DEFAULTS.withTemperature(0.7),
                agent == null ? Map.of() : Map.of("agent", agent));
    }

    private Path record(List<ChatRequest> requests) {
        Path file = dir.resolve("calls.jsonl");
        try (CallLog log = CallLog.open(file)) {
            ChatModel model = RecordingChatModel.wrap(counting(), ModelSpec.parse("test:model"), log);
            for (ChatRequest request : requests) {
                try {
                    model.chat(request);
                } catch (PolisException expected) {
                    // recorded as a failure
                }
            }
        }
        return file;
    }

    @Test
    void reproducesARecordedSessionCallForCall() {
        List<ChatRequest> session = List.of(ask(null, "how many fish?"), ask(null, "how many fish?", "and now?"),
                ask(null, "fail"), ask(null, "how many fish?"));
        Path file = record(session);
        List<CallRecord> recorded = CallRecords.read(file);
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            for (int i = 0; i < session.size(); i++) {
                CallRecord expected = recorded.get(i);
                if (expected.failed()) {
                    int index = i;
                    assertThatThrownBy(() -> replay.chat(session.get(index))).isInstanceOf(PolisException.class)
                            .hasMessageContaining("upstream broke on call 3");
                } else {
                    assertThat(replay.chat(session.get(i))).isEqualTo(expected.response());
                }
            }
        }
    }

    @Test
    void streamsARecordedAnswerInPieces() {
        Path file = record(List.of(ask(null, "hello there")));
        List<String> pieces = new ArrayList<>();
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            ChatResponse response = replay.stream(ask(null, "hello there"), pieces::add);
            assertThat(String.join("", pieces)).isEqualTo(response.text()).isEqualTo("answer 1 to hello there");
            assertThat(pieces).hasSizeGreaterThan(1);
        }
    }

    @Test
    void failsWithADiffOnAChangedRequest() {
        Path file = record(List.of(ask(null, "how many fish may I catch this month?")));
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            assertThatThrownBy(() -> replay.chat(ask(null, "how many fish may I keep this month?")))
                    .isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("request 1 of this run does not match recorded call 1")
                    .hasMessageContaining("message [1] differs at character 20")
                    .hasMessageContaining("expected user/user \"how many fish may I catch this month?\"")
                    .hasMessageContaining("but got user/user \"how many fish may I keep this month?\"");
        }
    }

    @Test
    void failsOnChangedSettingsAndOnExtraMessages() {
        Path file = record(List.of(ask(null, "q")));
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            assertThatThrownBy(() -> replay.chat(ask(null, "q").withSettings(GenerationSettings.DEFAULTS)))
                    .hasMessageContaining("settings differ: temperature expected 0.7 but got null");
            assertThatThrownBy(() -> replay.chat(ask(null, "q", "more")))
                    .hasMessageContaining("the request has 3 messages where the recording has 2")
                    .hasMessageContaining("first extra message [2] user/user \"more\"");
        }
    }

    @Test
    void failsClearlyWhenTheRunAsksForMoreCallsThanRecorded() {
        Path file = record(List.of(ask(null, "q")));
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            replay.chat(ask(null, "q"));
            assertThatThrownBy(() -> replay.chat(ask(null, "q"))).isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("no call left").hasMessageContaining("all 1 recorded calls were replayed");
        }
    }

    @Test
    void agentsRecordedConcurrentlyReplayInAnyInterleaving() {
        Path file = record(List.of(ask("alice", "turn 1"), ask("bob", "turn 1"), ask("alice", "turn 2"),
                ask("bob", "turn 2")));
        List<CallRecord> recorded = CallRecords.read(file);
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            assertThat(replay.chat(ask("bob", "turn 1"))).isEqualTo(recorded.get(1).response());
            assertThat(replay.chat(ask("bob", "turn 2"))).isEqualTo(recorded.get(3).response());
            assertThat(replay.chat(ask("alice", "turn 1"))).isEqualTo(recorded.get(0).response());
            assertThat(replay.chat(ask("alice", "turn 2"))).isEqualTo(recorded.get(2).response());
            assertThatThrownBy(() -> replay.chat(ask("carol", "turn 1")))
                    .hasMessageContaining("no call for agent 'carol'")
                    .hasMessageContaining("agent 'alice', agent 'bob'");
        }
    }

    @Test
    void aRequestWithoutAnAgentLabelIsAnsweredFromTheAgentCallThatAsksTheSame() {
        Path file = record(List.of(ask("a", "how many fish?"), ask("b", "how many sheep?"), ask("b", "and now?")));
        List<CallRecord> recorded = CallRecords.read(file);
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            assertThat(replay.chat(ask(null, "and now?"))).isEqualTo(recorded.get(2).response());
            assertThat(replay.chat(ask(null, "how many fish?"))).isEqualTo(recorded.get(0).response());
            assertThat(replay.chat(ask("b", "how many sheep?"))).isEqualTo(recorded.get(1).response());
            assertThatThrownBy(() -> replay.chat(ask(null, "how many fish?")))
                    .isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("carries no 'agent' label, and no unused recorded call of any agent holds"
                            + " the same conversation");
        }
    }

    @Test
    void identicalRequestsOfOneAgentAreAnsweredInRecordedOrder() {
        Path file = record(List.of(ask("alice", "roll"), ask("alice", "roll")));
        try (ChatModel replay = provider.create(ModelRequest.of("replay:" + file))) {
            assertThat(replay.chat(ask("alice", "roll")).text()).isEqualTo("answer 1 to roll");
            assertThat(replay.chat(ask("alice", "roll")).text()).isEqualTo("answer 2 to roll");
        }
    }

    @Test
    void reportsAMissingOrBrokenRecordingWithItsPath() throws Exception {
        assertThatThrownBy(() -> provider.create(ModelRequest.of("replay:" + dir.resolve("nope.jsonl"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.jsonl");
        assertThatThrownBy(() -> provider.create(ModelRequest.of("replay:")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("replay:runs/r1/calls.jsonl");
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "\n{\"seq\": 1\n");
        assertThatThrownBy(() -> provider.create(ModelRequest.of("replay:" + broken)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broken.jsonl:2: not a call record");
    }
}
