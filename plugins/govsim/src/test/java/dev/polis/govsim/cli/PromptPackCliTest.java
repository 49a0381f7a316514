package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polis govsim --prompts} and {@code --print-prompts} through the real command line. */
class PromptPackCliTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result polis(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PolisCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printPromptsShowsBothLayoutsAndAPacksWording() throws IOException {
        Result polis = polis("govsim", "--print-prompts", "-s", "pasture");
        Result original = polis("govsim", "--print-prompts", "-s", "pasture", "--agent-setting", "layout=original");
        Path pack = Files.createDirectories(dir.resolve("pack/pasture"));
        Files.writeString(pack.resolve("report-opening.txt"), "PACK REPORT.");
        Result packed = polis("govsim", "--print-prompts", "-s", "pasture", "--prompts", dir.resolve("pack").toString(),
                "--agent-setting", "layout=original");

        assertThat(polis.status()).as(polis.err()).isZero();
        assertThat(polis.out()).contains("layout polis", "## chat turn [system, user, user, tool, user]",
                "--- system (govsim) ---\nYou are John, a shepherd.", "hectares of grass");
        assertThat(original.status()).as(original.err()).isZero();
        assertThat(original.out()).contains("layout original, prefill assistant", "## chat turn [user, assistant]",
                "## harvest [user]\n", "## importance [user, assistant]", "--- assistant (govsim) ---\nMessage:")
                .doesNotContain("[system");
        assertThat(packed.out()).contains("mayor report:     PACK REPORT. John consumed 12 hectares of grass.")
                .contains("Mayor: PACK REPORT.");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsOnly("pack");
    }

    @Test
    void theConfigFileNamesAPackRelativeToItself() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("conf/pack"));
        Files.writeString(pack.resolve("pool.txt"), "PACK POOL {{pool}}.");
        Path config = dir.resolve("conf/govsim.yaml");
        Files.writeString(config, """
                prompts: pack
                societies:
                  - name: s
                    members: [sustainable, sustainable, sustainable, sustainable, sustainable]
                scenarios: [pasture]
                seeds: [1]
                """);

        Result printed = polis("govsim", "--print-prompts", "--config", config.toString());

        assertThat(printed.status()).as(printed.err()).isZero();
        assertThat(printed.out()).contains("pool:             PACK POOL 100.", "pack " + pack.toAbsolutePath());
    }

    @Test
    void aSweepPlaysWithThePacksEnvironmentTextsAndAnUnknownFileExitsTwo() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("report-opening.txt"), "PACK REPORT.");
        Path out = dir.resolve("out");

        Result run = polis("govsim", "--society", "s=sustainable*5", "-s", "fishery", "--seeds", "1", "--months", "1",
                "-j", "1", "--prompts", pack.toString(), "-o", out.toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        Path folder;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            folder = runs.findFirst().orElseThrow();
        }
        assertThat(Files.readString(folder.resolve("log_env.json"))).contains("PACK REPORT.");
        assertThat(Files.readString(folder.resolve("config.resolved.yaml")))
                .contains("\"prompts\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(pack.toAbsolutePath().toString()));

        Files.writeString(pack.resolve("report_opening.txt"), "misspelt");
        Result bad = polis("govsim", "--society", "s=sustainable*5", "--prompts", pack.toString(), "-o", out.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("report_opening.txt", "report-opening");
    }
}
