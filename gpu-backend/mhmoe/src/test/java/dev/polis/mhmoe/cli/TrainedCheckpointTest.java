package dev.polis.mhmoe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MH-MoE checkpoint through the whole road, on the real command line: {@code polis mhmoe init}, then
 * {@code polis model train --init ... --recipe mhmoe} (the balance loss shows in the progress line, the trainer's
 * arrays hold the parameters init counted, the experts are trained and saved), then the saved checkpoint answers {@code polis generate} and {@code polis serve} over loopback
 * HTTP with {@code accelerator.mhmoe} installed; without it, or with a config.json that contradicts the tensors, the
 * command exits with status 2 naming what to fix.
 */
@Timeout(600)
class TrainedCheckpointTest {

    private static final Map<String, String> WITH_MHMOE = Map.of("POLIS_DEVICE", "cpu", "POLIS_DECODER",
            "decoder.greedy", "POLIS_ACCELERATORS", "accelerator.mhmoe");

    @TempDir
    static Path temp;

    private static Polis polis;
    private static Path trained;
    private static Polis.Run training;
    private static Polis.Run init;

    @BeforeAll
    static void initAndTrain() {
        polis = new Polis(temp);
        Path arch = Polis.arch(temp, "arch.json", "\"heads\": 3, \"num_experts\": 4, \"top_k\": 2, "
                + "\"expert_intermediate_size\": 16, \"layers\": [1], \"capacity_factor\": 1.0");
        init = polis.run(Map.of(), "mhmoe", "init", "--arch", arch.toString(), temp.resolve("mh-init").toString());
        assertThat(init.status()).as(init.err()).isZero();
        training = polis.run(Map.of("POLIS_DEVICE", "cpu"), "model", "train", "--init",
                temp.resolve("mh-init").toString(), "--recipe", "mhmoe", "--corpus", Polis.corpus(temp).toString(),
                "--steps", "6", "--batch", "2", "--seq-len", "32", "--lr", "1e-2", "--log-every", "2",
                "--heldout-fraction", "0.2", "--out", temp.resolve("run").toString());
        trained = temp.resolve("run/final");
    }

    @Test
    void trainingAddsTheBalanceLossAndSavesTrainedExperts() {
        assertThat(training.status()).as(training.err()).isZero();
        assertThat(training.out()).contains("recipe: mhmoe").containsPattern("step 6/6.*aux balance 0\\.0\\d+")
                .contains("trained steps 0..6");
        Matcher counted = Pattern.compile("; ([\\d,]+) parameters \\(MH-MoE blocks").matcher(init.out());
        assertThat(counted.find()).as(init.out()).isTrue();
        assertThat(training.out()).as("the trainer's count of its arrays equals polis mhmoe init's formula")
                .contains("trainable weights: " + counted.group(1) + " parameters");
        try (SafetensorsFile before = SafetensorsFile.open(temp.resolve("mh-init/model.safetensors"));
             SafetensorsFile after = SafetensorsFile.open(trained.resolve("model.safetensors"))) {
            for (String name : new String[] {"model.layers.1.mlp.gate.weight", "model.layers.1.mlp.head_proj.weight",
                "model.layers.1.mlp.experts.0.up_proj.weight"}) {
                assertThat(after.readFloats(name)).as(name).isNotEqualTo(before.readFloats(name));
            }
            assertThat(after.tensors().keySet()).doesNotContain("model.layers.1.mlp.down_proj.weight");
        }
    }

    @Test
    void theTrainedCheckpointGeneratesWithTheAcceleratorAndNamesItWithout() {
        Polis.Run with = polis.run(WITH_MHMOE, "generate", "--model", trained.toString(), "--prompt",
                "the quick brown", "--max-tokens", "8");
        assertThat(with.status()).as(with.err()).isZero();
        assertThat(with.err()).contains("generated");
        Polis.Run without = polis.run(Map.of("POLIS_DEVICE", "cpu"), "generate", "--model", trained.toString(),
                "--prompt", "the quick brown", "--max-tokens", "8");
        assertThat(without.status()).isEqualTo(2);
        assertThat(without.err()).contains("layer 1 has no dense feed-forward tensors")
                .contains("install the accelerator");
    }

    @Test
    void statsCountEveryTokenOfTheTextAndDropsOnlyUnderACapacity() throws IOException {
        Path text = Files.writeString(temp.resolve("text.txt"), "the quick brown fox jumps over the lazy dog. ".repeat(4));
        Polis.Run open = polis.run(Map.of("POLIS_DEVICE", "cpu"), "mhmoe", "stats", "--model", trained.toString(),
                "--text", text.toString(), "--window", "16", "--tokens", "64", "--threshold", "0");
        assertThat(open.status()).as(open.err()).isZero();
        assertThat(open.out()).containsPattern("4 windows of 16 tokens from .*: perplexity \\d+\\.\\d{3} \\(60 "
                + "predictions\\)").containsPattern("layer 1: \\d+\\.\\d% of 4 experts active \\(ratio >= 0\\.0\\), "
                + "[1-4]\\.\\d\\d distinct experts per token, 0 of 384 sub-token assignments dropped, 64 tokens");
        Polis.Run tight = polis.run(Map.of("POLIS_DEVICE", "cpu"), "mhmoe", "stats", "--model", trained.toString(),
                "--text", text.toString(), "--window", "16", "--tokens", "64", "--capacity-factor", "0.25");
        assertThat(tight.status()).as(tight.err()).isZero();
        assertThat(tight.out()).containsPattern("[1-9]\\d* of 384 sub-token assignments dropped");
    }

    @Test
    void theTrainedCheckpointAnswersChatCompletionsOverLoopbackHttp() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = new Thread(() -> polis.execute(WITH_MHMOE, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--model",
                "local:" + trained, "--port", "0"), "polis-serve-mhmoe");
        serving.start();
        try {
            Pattern line = Pattern.compile("as '([^']+)' at (http://127\\.0\\.0\\.1:\\d+)");
            Matcher m = line.matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(m = line.matcher(out.toString(StandardCharsets.UTF_8))).find() && serving.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(m.hitEnd() && !m.find(0)).as("serving line; stdout %s stderr %s", out, err).isFalse();
            String body = "{\"model\": \"" + m.group(1) + "\", \"max_tokens\": 6, \"messages\": [{\"role\": \"user\","
                    + " \"content\": \"the quick brown\"}]}";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(m.group(2) + "/v1/chat/completions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(response.body());
            assertThat(json.path("choices").get(0).path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(json.path("usage").path("completion_tokens").asInt()).isBetween(1, 6);
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    @Test
    void aConfigThatContradictsTheExpertTensorsExitsWithStatusTwoNamingTheTensor() throws IOException {
        Path fewer = copy("fewer-experts", "\"num_experts\" : 4", "\"num_experts\" : 3");
        Polis.Run run = polis.run(WITH_MHMOE, "generate", "--model", fewer.toString(), "--prompt", "the",
                "--max-tokens", "2");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("tensor 'model.layers.1.mlp.gate.weight' has shape [4, 8] but config.json's"
                + " mhmoe block (MH-MoE h=3, 3 experts of 16").contains("needs [3, 8]");
        Path wider = copy("wider-experts", "\"expert_intermediate_size\" : 16", "\"expert_intermediate_size\" : 20");
        Polis.Run shape = polis.run(WITH_MHMOE, "generate", "--model", wider.toString(), "--prompt", "the",
                "--max-tokens", "2");
        assertThat(shape.status()).isEqualTo(2);
        assertThat(shape.err()).contains("tensor 'model.layers.1.mlp.experts.0.gate_proj.weight' has shape "
                + "[16, 8] but config.json's mhmoe block").contains("needs [20, 8]");
        Polis.Run train = polis.run(Map.of("POLIS_DEVICE", "cpu"), "model", "train", "--init", wider.toString(),
                "--recipe", "mhmoe", "--corpus", temp.resolve("corpus").toString(), "--steps", "1", "--seq-len",
                "32", "--out", temp.resolve("refused").toString());
        assertThat(train.status()).isEqualTo(2);
        assertThat(train.err()).contains("experts.0.gate_proj.weight' has shape [16, 8]");
    }

    private static Path copy(String name, String from, String to) throws IOException {
        Path target = Files.createDirectories(temp.resolve(name));
        try (var files = Files.list(trained)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        String config = Files.readString(target.resolve("config.json"));
        assertThat(config).as("config.json of the trained checkpoint").contains(from);
        Files.writeString(target.resolve("config.json"), config.replace(from, to));
        return target;
    }
}
