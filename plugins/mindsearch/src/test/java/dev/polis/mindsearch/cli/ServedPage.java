package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.Polis;
import dev.polis.core.host.HostRunFolders;
import dev.polis.core.host.HostSettingsFactory;
import dev.polis.mindsearch.fixture.Chromium;
import dev.polis.mindsearch.lucene.LuceneIndexer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.remote.RemoteWebDriver;
import picocli.CommandLine;

/**
 * {@code polis mindsearch serve} started on a free loopback port over an index of the fixture corpus, with a headless
 * Chromium to open its graph page: what the browser tests share. Closing stops the browser, then the server.
 */
final class ServedPage implements AutoCloseable {

    private final Polis polis;
    private final ServeCommand serve;
    private final CompletableFuture<Integer> exit;
    private Chromium chromium;

    private ServedPage(Polis polis, ServeCommand serve, CompletableFuture<Integer> exit) {
        this.polis = polis;
        this.serve = serve;
        this.exit = exit;
    }

    /** Serves {@code model} with run folders under {@code dir}/runs and {@code extra} options, then starts the browser. */
    static ServedPage start(Path dir, String model, String... extra) throws Exception {
        Path index = dir.resolve("index");
        LuceneIndexer.build(MultiHopAskTest.CORPUS, index, 200);
        Polis polis = Polis.open();
        HostServices services = new HostServices(polis.models(), new HostRunFolders(), polis.extensions(),
                new HostSettingsFactory(Map.of()));
        CommandLine cli = new CommandLine(new MindSearchCommand(services));
        ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
        String[] args = Stream.concat(Stream.of("serve", "--port", "0", "--index", index.toString(), "--model", model,
                "--date", "2026-01-01", "-o", dir.resolve("runs").toString()), Stream.of(extra)).toArray(String[]::new);
        ServedPage page = new ServedPage(polis, serve, CompletableFuture.supplyAsync(() -> cli.execute(args)));
        try {
            for (int i = 0; i < 200 && serve.server() == null && !page.exit.isDone(); i++) {
                Thread.sleep(50);
            }
            assertThat(serve.server()).as("the server started").isNotNull();
            page.chromium = Chromium.start(dir.resolve("profile"));
            return page;
        } catch (Throwable e) {
            page.close();
            throw e;
        }
    }

    /** Returns the graph page's address. */
    String url() {
        return serve.server().solveUrl().replace("/solve", "/");
    }

    /** Returns the browser. */
    RemoteWebDriver browser() {
        return chromium.driver();
    }

    @Override
    public void close() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            try {
                serve.stop();
                assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            } finally {
                polis.close();
            }
        }
    }
}
