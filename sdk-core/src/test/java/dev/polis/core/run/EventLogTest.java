package dev.polis.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachEventIsReadableAsSoonAsItIsEmitted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (EventLog log = EventLog.create(file, clock)) {
            log.emit("run.started", Map.of("seed", 42));
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(1);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("time").asText()).isEqualTo("2025-01-02T03:04:05Z");
            assertThat(first.get("type").asText()).isEqualTo("run.started");
            assertThat(first.get("seed").asInt()).isEqualTo(42);

            log.emit("env.step", Map.of("step", 1, "rewards", Map.of("a1", 2.5)));
            assertThat(Files.readAllLines(file)).hasSize(2);
            assertThat(JSON.readTree(Files.readAllLines(file).get(1)).at("/rewards/a1").asDouble()).isEqualTo(2.5);
        }
    }

    @Test
    void concurrentEventsGetConsecutiveNumbersInFileOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.create(file, Clock.systemUTC())) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 200; i++) {
                        log.emit("tick", Map.of("thread", thread, "i", i));
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(log.count()).isEqualTo(1600);
        }
        List<String> lines = Files.readAllLines(file);
        long[] seqs = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            seqs[i] = JSON.readTree(lines.get(i)).get("seq").asLong();
        }
        assertThat(seqs).containsExactly(LongStream.rangeClosed(1, 1600).toArray());
    }

    @Test
    void fieldsCannotOverwriteTheEnvelope(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.create(file, Clock.systemUTC())) {
            log.emit("x", Map.of("seq", 99, "type", "y"));
        }
        JsonNode line = JSON.readTree(Files.readAllLines(file).get(0));
        assertThat(line.get("seq").asLong()).isEqualTo(1);
        assertThat(line.get("type").asText()).isEqualTo("x");
    }

    @Test
    void refusesEventsAfterClose(@TempDir Path dir) {
        EventLog log = EventLog.create(dir.resolve("events.jsonl"), Clock.systemUTC());
        log.close();
        assertThatThrownBy(() -> log.emit("late", Map.of())).hasMessageContaining("came too late");
    }
}
