package dev.polis.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

    @TempDir
    Path dir;

    private static SeedSweep.SeedRun finished(long seed, Map<String, Double> metrics) {
        return new SeedSweep.SeedRun(seed, "p-seed" + seed,
                new RunResult("p-seed" + seed, Path.of("p-seed" + seed), RunStatus.FINISHED, metrics, false), null);
    }

    private String report(List<SeedSweep.SeedRun> runs) throws IOException {
        Path file = dir.resolve("p-sweep.html");
        SweepReport.write(file, "Seed sweep <p>", runs);
        return Files.readString(file);
    }

    @Test
    void eachMetricGetsAChartWithOneBarPerSeedThatDefinesIt() throws IOException {
        String html = report(List.of(finished(1, Map.of("gain", 10.0, "equality", Double.NaN)),
                finished(2, Map.of("gain", 30.0, "equality", 0.5)), finished(3, Map.of("gain", 20.0))));

        assertThat(count(html, "<svg ")).isEqualTo(2);
        assertThat(count(html, "<rect class=\"value\"")).isEqualTo(3 + 1);
        assertThat(html).contains("seed 2: 30.00").contains("n/a").contains("<h2>equality</h2>");
        assertThat(html).contains("Seed sweep &lt;p&gt;").doesNotContain("<p>Seed");
    }

    @Test
    void aLargerValueDrawsATallerBar() throws IOException {
        String html = report(List.of(finished(1, Map.of("gain", 10.0)), finished(2, Map.of("gain", 30.0))));

        Matcher heights = Pattern.compile("class=\"value\"[^>]*height=\"([0-9.]+)\"").matcher(html);
        assertThat(heights.find()).isTrue();
        double first = Double.parseDouble(heights.group(1));
        assertThat(heights.find()).isTrue();
        double second = Double.parseDouble(heights.group(1));
        assertThat(second).isCloseTo(3 * first, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void failedRunsAreListedWithTheirReasonEscaped() throws IOException {
        String html = report(List.of(finished(1, Map.of("gain", 1.0)),
                new SeedSweep.SeedRun(2, "p-seed2", null, "server <down>")));

        assertThat(html).contains("<h2>Failed runs</h2>").contains("p-seed2: server &lt;down&gt;");
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
