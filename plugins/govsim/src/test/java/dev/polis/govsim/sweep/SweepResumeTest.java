package dev.polis.govsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.run.Progress;
import dev.polis.core.host.HostRunFolders;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.policy.PolicySpec;
import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed mid-way resumes: finished runs are skipped, an interrupted run continues from its last month. */
class SweepResumeTest {

    @TempDir
    Path out;

    private final AtomicInteger harvests = new AtomicInteger();

    private AgentFactory factory(int failAtMonth) {
        return (member, profile, run) -> {
            GovSimAgent policy = PolicySpec.parse(member).create(profile.id(), run.seed());
            return new GovSimAgent() {
                @Override
                public String id() {
                    return profile.id();
                }

                @Override
                public HarvestDecision harvest(HarvestRequest request) {
                    harvests.incrementAndGet();
                    if (run.seed() == 2 && request.context().month() == failAtMonth) {
                        throw new IllegalStateException("simulated crash");
                    }
                    return policy.harvest(request);
                }
            };
        };
    }

    @Test
    void resumesWithoutRedoingOrLosingMonths() throws IOException {
        SweepPlan plan = new SweepPlan(List.of(SocietySpec.parse("s=sustainable")), List.of(Experiment.DEFAULT),
                List.of(Scenario.FISHERY), List.of(1L, 2L));
        SweepOptions options = new SweepOptions(out, 2, true, "greedy", null);

        List<RunOutcome> first = new SweepRunner(options, factory(4), new HostRunFolders())
                .run(plan, (t, n) -> Progress.silent());
        assertThat(first.get(0).finished()).isTrue();
        assertThat(first.get(1).finished()).isFalse();
        assertThat(first.get(1).state().months()).hasSize(4);
        Path runJson = out.resolve("runs").resolve(plan.runs().get(1).id()).resolve("run.json");
        JsonNode failed = new ObjectMapper().readTree(runJson.toFile());
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("simulated crash");

        harvests.set(0);
        List<RunOutcome> second = new SweepRunner(options, factory(-1), new HostRunFolders())
                .run(plan, (t, n) -> Progress.silent());
        assertThat(second.get(0).resumed()).isEqualTo(RunOutcome.Resumed.SKIPPED);
        assertThat(second.get(1).resumed()).isEqualTo(RunOutcome.Resumed.CONTINUED);
        assertThat(second.get(1).finished()).isTrue();
        assertThat(harvests.get()).isEqualTo(8 * 5);
        assertThat(second.get(1).metrics().survivalMonths()).isEqualTo(12);

        Path events = out.resolve("runs").resolve(plan.runs().get(1).id()).resolve("events.jsonl");
        List<String> monthLines = Files.readAllLines(events).stream().filter(l -> l.contains("\"govsim.month\""))
                .toList();
        assertThat(monthLines).hasSize(12);
        for (int m = 0; m < 12; m++) {
            assertThat(monthLines.get(m)).contains("\"month\":" + m + ",");
        }
        JsonNode finished = new ObjectMapper().readTree(runJson.toFile());
        assertThat(finished.path("status").asText()).isEqualTo("finished");
        assertThat(finished.path("startedAt").asText()).as("a resumed run keeps its first start time")
                .isEqualTo(failed.path("startedAt").asText());
        assertThat(out.resolve("runs").resolve(plan.runs().get(1).id()).resolve("metrics.json")).isRegularFile();
    }

    @Test
    void aRunKilledMidMonthResumesToTheRecordsOfARunNeverKilled() throws IOException {
        SweepPlan plan = new SweepPlan(List.of(SocietySpec.parse("s=random:12")), List.of(Experiment.DEFAULT),
                List.of(Scenario.PASTURE), List.of(2L));
        Path killed = out.resolve("killed");
        Path whole = out.resolve("whole");
        RunOutcome crash = new SweepRunner(new SweepOptions(killed, 1, false, "greedy", null), factory(3),
                new HostRunFolders()).run(plan, (t, n) -> Progress.silent()).get(0);
        assertThat(crash.finished()).as("the run is killed in month 4, after 3 recorded months").isFalse();
        assertThat(crash.state().months()).hasSize(3);
        new SweepRunner(new SweepOptions(killed, 1, false, "greedy", null), factory(-1), new HostRunFolders())
                .run(plan, (t, n) -> Progress.silent());
        new SweepRunner(new SweepOptions(whole, 1, false, "greedy", null), factory(-1), new HostRunFolders())
                .run(plan, (t, n) -> Progress.silent());

        Path a = killed.resolve("runs").resolve(plan.runs().get(0).id());
        Path b = whole.resolve("runs").resolve(plan.runs().get(0).id());
        for (String file : List.of("state.json", "log_env.json", "metrics.json", "spec.json")) {
            assertThat(Files.readString(a.resolve(file))).as(file).isEqualTo(Files.readString(b.resolve(file)));
        }
        List<String> resumed = withoutTimes(a.resolve("events.jsonl"));
        assertThat(resumed).isEqualTo(withoutTimes(b.resolve("events.jsonl")));
        for (int i = 0; i < resumed.size(); i++) {
            assertThat(resumed.get(i)).as("events numbered 1, 2, ... across the resume").startsWith("{\"seq\":" + (i + 1) + ",");
        }
    }

    private static List<String> withoutTimes(Path events) throws IOException {
        return Files.readAllLines(events).stream().map(l -> l.replaceAll("\"time\":\"[^\"]*\",", "")).toList();
    }
}
