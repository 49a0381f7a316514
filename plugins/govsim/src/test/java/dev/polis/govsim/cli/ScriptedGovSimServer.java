package dev.polis.govsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scripted GovSim model served over the OpenAI API ({@link ServedGovSimModel}, the {@code polis serve} server)
 * in a process of its own, so that a test can kill it: {@link #main} prints the base URL and serves until killed.
 */
final class ScriptedGovSimServer implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private ScriptedGovSimServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Serves every persona the harvest answer {@code args[0]} and prints {@code base-url <url>}. */
    public static void main(String[] args) throws InterruptedException {
        ServedGovSimModel served = new ServedGovSimModel(name -> args[0]);
        String spec = served.spec();
        System.out.println("base-url " + spec.substring("openai:".length(), spec.lastIndexOf('#')));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a server process answering {@code harvest} on this test's class path; logs go under {@code logs}. */
    static ScriptedGovSimServer start(String harvest, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ScriptedGovSimServer.class.getName(), harvest));
        java.nio.file.Files.createDirectories(logs);
        Process process = new ProcessBuilder(command).redirectError(java.nio.file.Files.createTempFile(logs, "server",
                ".err").toFile()).start();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("base-url ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the scripted server did not start: " + line);
        }
        return new ScriptedGovSimServer(process, line.substring("base-url ".length()));
    }

    /** Returns the server's base URL. */
    String baseUrl() {
        return baseUrl;
    }

    /** Kills the process (SIGKILL) and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
