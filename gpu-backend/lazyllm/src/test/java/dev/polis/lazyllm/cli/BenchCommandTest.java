package dev.polis.lazyllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis lazyllm bench|corpus} and {@code accelerator.lazyllm} through the real command line and plugin host
 * (the plugin's extensions are on the class path), on a checkpoint made by {@code polis model init}.
 */
class BenchCommandTest {

    @TempDir
    static Path temp;

    private static Path model;

    @BeforeAll
    static void initModel() throws IOException {
        Files.createDirectories(temp.resolve("no-plugins"));
        Path arch = temp.resolve("arch.json");
        Files.writeString(arch, """
                {"model_type": "llama", "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 512, "seed": 5,
                 "init_std": 0.3}
                """);
        model = temp.resolve("tiny");
        Run init = polis(Map.of(), "model", "init", "--arch", arch.toString(), model.toString());
        assertThat(init.status).as(init.err).isZero();
    }

    @Test
    void benchReportsEachScheduleBesideTheDenseModelAndAShortPromptRunsDense() throws IOException {
        Path events = temp.resolve("events.jsonl");
        Run run = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "100", "--prompt", "40",
                "--schedule", "0:0.5,1:0.25", "--schedule", "1:1", "--prompts", "2", "--tokens", "3",
                "--decoder", "decoder.self-speculative", "--decoder-option", "exitLayer=1",
                "--decoder-option", "draftTokens=2", "--events", events.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).containsPattern("prompt +100 lazyllm 0:0.5,1:0.25 +TTFT dense .* ms: \\d+\\.\\d\\dx .*"
                        + "first token agrees \\d/2 \\(where dense retrieves 0/0\\); .*computed 58\\.3% of prompt")
                .containsPattern("prompt +100 lazyllm 1:1 .*first token agrees 2/2 .*; continuation identical 2/2.*"
                        + "computed 100\\.0%")
                .containsPattern("prompt +100 lazyllm\\+self-speculative 0:0.5,1:0.25 +TTFT")
                .containsPattern("prompt +40 lazyllm 0:0.5,1:0.25 .*first token agrees 2/2 .*; continuation identical "
                        + "2/2");
        List<String> lines = Files.readAllLines(events);
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"lazyllm.prefill\",\"tokens\":100,"))
                .anyMatch(l -> l.contains("\"dense\":false") && l.contains("\"computed\":[100,50,25]"));
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"lazyllm.prefill\",\"tokens\":40,")).isNotEmpty()
                .allMatch(l -> l.contains("\"dense\":true") && l.contains("shorter than minPrompt 64 tokens"));
        assertThat(lines).filteredOn(l -> l.contains("\"event\":\"lazyllm.bench\"")).hasSize(8);
    }

    @Test
    void eachScheduleIsMeasuredWithEachSelectionAndPoolAndEveryOneKeepsTheSameShare() {
        Run run = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "100", "--schedule",
                "0:0.5,1:0.25", "--selection", "attention", "--selection", "random", "--pool", "1", "--pool", "3",
                "--prompts", "2", "--tokens", "2");
        assertThat(run.status).as(run.err).isZero();
        for (String label : new String[] {"", " pool 3", " random", " random pool 3"}) {
            assertThat(run.out).containsPattern("prompt +100 lazyllm 0:0.5,1:0.25" + label
                    + " +TTFT .*computed 58\\.3% of prompt");
        }
        assertThat(run.err).as("each prompt's progress goes to stderr")
                .contains("lazyllm bench: 100-token prompts, 1/2 done").contains("lazyllm bench: 100-token prompts, 2/2 done");
        Run selection = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--selection", "entropy");
        assertThat(selection.status).isEqualTo(2);
        assertThat(selection.err).contains("selection must be one of [attention, random] but was 'entropy'");
        Run pool = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--pool", "2");
        assertThat(pool.status).isEqualTo(2);
        assertThat(pool.err).contains("pool: must be an odd width from 1 to 15 but was 2");
    }

    @Test
    void aLengthsPromptsDependOnTheSeedAndTheLengthNotOnTheLengthsListedBeforeIt() throws IOException {
        Path alone = temp.resolve("alone.jsonl");
        Path after = temp.resolve("after.jsonl");
        Run first = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "120", "--schedule",
                "1:1", "--prompts", "3", "--tokens", "1", "--seed", "4", "--events", alone.toString());
        Run second = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "90", "--prompt",
                "120", "--schedule", "1:1", "--prompts", "3", "--tokens", "1", "--seed", "4", "--events",
                after.toString());
        assertThat(first.status).as(first.err).isZero();
        assertThat(second.status).as(second.err).isZero();
        assertThat(needles(after, 120)).hasSize(3).isEqualTo(needles(alone, 120));
        assertThat(needles(after, 90)).hasSize(3).isNotEqualTo(needles(alone, 120));
    }

    /** The needle's depth and value of each dense generation over prompts of {@code length} tokens. */
    private static List<String> needles(Path events, int length) throws IOException {
        return Files.readAllLines(events).stream()
                .filter(l -> l.contains("\"event\":\"lazyllm.generation\",\"prompt\":" + length + ",")
                        && l.contains("\"model\":\"dense\""))
                .map(l -> l.replaceAll(".*(\"needleAt\":\\d+,\"answer\":\"[^\"]*\").*", "$1")).toList();
    }

    @Test
    void aKeepFractionAboveOneExitsWithStatusTwoNamingTheSetting() {
        Run run = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--schedule", "1:1.5");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("schedule: '1:1.5' keeps 1.5 of the prompt after layer 1");
    }

    @Test
    void aLayerTheModelLacksExitsWithStatusTwoNamingIt() {
        Run run = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--schedule", "0:0.5,5:0.2");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("schedule: layer 5 is not a layer that can prune in this model of 3 layers");
    }

    @Test
    void theOperatorInstallsItByIdAndAShortPromptGivesTheDenseText() {
        Map<String, String> env = Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER", "decoder.greedy",
                "POLIS_ACCELERATORS", "accelerator.lazyllm");
        Run with = polis(env, "generate", "--model", model.toString(), "--prompt", "the quick brown fox",
                "--max-tokens", "8");
        Run without = polis(Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER", "decoder.greedy"), "generate",
                "--model", model.toString(), "--prompt", "the quick brown fox", "--max-tokens", "8");
        assertThat(with.status).as(with.err).isZero();
        assertThat(with.out).as("a prompt below minPrompt runs dense").isEqualTo(without.out);
        Run unknown = polis(Map.of("POLIS_ACCELERATORS", "accelerator.lazy"), "generate", "--model",
                model.toString(), "--prompt", "x", "--max-tokens", "2");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("accelerator.lazyllm");
    }

    @Test
    void corpusWritesDocumentsOfFactsAndAnsweredQuestions() throws IOException {
        Path corpus = temp.resolve("corpus");
        Run run = polis(Map.of(), "lazyllm", "corpus", "--out", corpus.toString(), "--documents", "3", "--length",
                "300");
        assertThat(run.status).as(run.err).isZero();
        try (var files = Files.list(corpus)) {
            List<Path> docs = files.sorted().toList();
            assertThat(docs).hasSize(3);
            String text = Files.readString(docs.get(0));
            assertThat(text).hasSizeGreaterThanOrEqualTo(300).containsPattern(" [A-Z]\\d{4}\\. ");
            java.util.regex.Matcher question = java.util.regex.Pattern.compile("\\?([A-Z]\\d{4})").matcher(text);
            while (question.find()) {
                assertThat(text.indexOf(" " + question.group(1) + ". ")).as("the fact %s precedes its question",
                        question.group(1)).isBetween(0, question.start());
            }
        }
    }

    @Test
    void benchInstallsAnotherAcceleratorIntoEveryModelWithItsSettings() {
        Run run = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "100", "--schedule",
                "1:1", "--prompts", "2", "--tokens", "4", "--accelerator", "accelerator.snapkv",
                "--accelerator-option", "capacity=16", "--accelerator-option", "window=4",
                "--accelerator-option", "kernel=3");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("every model with [accelerator.snapkv] {capacity=16, window=4, kernel=3}")
                .containsPattern("prompt +100 lazyllm 1:1 .*continuation identical 2/2");
        Run even = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--prompt", "100", "--prompts", "1",
                "--accelerator", "accelerator.snapkv", "--accelerator-option", "kernel=4");
        assertThat(even.status).as("SnapKV received the settings and refused an even kernel").isEqualTo(2);
        assertThat(even.err).contains("kernel");
    }

    @Test
    void corpusQuestionsShareSetsHowManyItemsAreQuestions() throws IOException {
        Path corpus = temp.resolve("questions");
        Run run = polis(Map.of(), "lazyllm", "corpus", "--out", corpus.toString(), "--documents", "20", "--length",
                "400", "--filler", "8", "--questions", "0.8");
        assertThat(run.status).as(run.err).isZero();
        int questions = 0;
        int facts = 0;
        try (var files = Files.list(corpus)) {
            for (Path doc : files.toList()) {
                String text = Files.readString(doc);
                questions += (int) Pattern.compile("\\?[A-Z]\\d{4}").matcher(text).results().count();
                facts += (int) Pattern.compile(" [A-Z]\\d{4}\\. ").matcher(text).results().count();
            }
        }
        assertThat(questions).as("questions against %d facts", facts).isGreaterThan(2 * facts);
        Run bad = polis(Map.of(), "lazyllm", "corpus", "--out", temp.resolve("bad").toString(), "--questions", "1");
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).contains("--questions must be a share in (0, 1) but got 1.0");
    }

    @Test
    void corpusQuizDocumentsEndWithTheQuestionsOfTheirFactsAndAnUnknownShapeExitsWithTwo() throws IOException {
        Path corpus = temp.resolve("quiz");
        Run run = polis(Map.of(), "lazyllm", "corpus", "--out", corpus.toString(), "--documents", "10", "--length",
                "200", "--shape", "quiz", "--facts", "3", "--values", "symbols");
        assertThat(run.status).as(run.err).isZero();
        try (var files = Files.list(corpus)) {
            for (Path doc : files.toList()) {
                String text = Files.readString(doc);
                String questions = text.substring(text.indexOf("\n?"));
                assertThat(text.indexOf("\n?")).isBetween(100, 260);
                assertThat(questions).matches("(\n\\?[A-Z][^a-z .?\n]{4}){1,3}\n");
            }
        }
        Run bad = polis(Map.of(), "lazyllm", "corpus", "--out", temp.resolve("bad-shape").toString(), "--shape", "qa");
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).contains("--shape: 'qa' is not a shape; use interleaved, quiz or repeat");
        Run values = polis(Map.of(), "lazyllm", "bench", "--model", model.toString(), "--values", "hex");
        assertThat(values.status).isEqualTo(2);
        assertThat(values.err).contains("--values: 'hex' is not a value alphabet");
    }

    private static Run polis(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--plugins-dir";
        all[1] = temp.resolve("no-plugins").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int status = PolisCli.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
