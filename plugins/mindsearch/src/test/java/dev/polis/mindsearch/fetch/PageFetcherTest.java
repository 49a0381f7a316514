package dev.polis.mindsearch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The page fetcher against a real loopback HTTP server: readable text without scripts, styles, navigation or
 * footers; the byte and character limits; redirects bounded; content types checked; unreachable, failing and stalling
 * servers reported with the reason, never a hang.
 */
@Timeout(60)
class PageFetcherTest {

    private static final long HUGE = 64L << 20;

    private HttpServer server;
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/article", e -> send(e, 200, "text/html; charset=utf-8", """
                <!doctype html><html><head><title>The Osk valley</title>
                <style>body { font: serif }</style><script>var secret = "tracking code";</script></head>
                <body><nav>Home | Rivers | Sign in</nav><header>Site banner</header>
                <main><h1>The Osk valley</h1><p>The river Osk flows through Kellmouth.</p>
                <p>It rises in the   Brennick hills.</p></main>
                <aside>Related: other rivers</aside><footer>Copyright and footer links</footer></body></html>
                """));
        server.createContext("/plain", e -> send(e, 200, "text/plain; charset=utf-8", "Line one.\n\nLine two."));
        server.createContext("/paper.pdf", e -> send(e, 200, "application/pdf", "%PDF-1.7 binary"));
        server.createContext("/missing", e -> send(e, 404, "text/html", "<p>not here</p>"));
        server.createContext("/moved", e -> redirect(e, "/article"));
        server.createContext("/loop", e -> redirect(e, "/loop"));
        server.createContext("/to-file", e -> redirect(e, "file:///etc/passwd"));
        server.createContext("/huge", this::huge);
        server.createContext("/stall", e -> {
            e.getResponseHeaders().set("Content-Type", "text/html");
            e.sendResponseHeaders(200, 0);
            e.getResponseBody().write("<p>first words".getBytes(StandardCharsets.UTF_8));
            e.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            e.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static PageFetcher fetcher(long maxBytes, int maxChars) {
        return new PageFetcher(new FetchLimits(Duration.ofSeconds(5), Duration.ofMillis(1500), maxBytes, 3, maxChars));
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    private static void redirect(HttpExchange e, String location) throws IOException {
        e.getResponseHeaders().set("Location", location);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private void huge(HttpExchange e) throws IOException {
        e.getResponseHeaders().set("Content-Type", "text/html");
        e.sendResponseHeaders(200, HUGE);
        byte[] chunk = "<p>word word word word word word word.</p>\n".repeat(1500).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = e.getResponseBody()) {
            while (hugeBytesSent.get() + chunk.length <= HUGE) {
                out.write(chunk);
                hugeBytesSent.addAndGet(chunk.length);
            }
        } catch (IOException closedByTheReader) {
            // the reader stopped reading and went away
        }
    }

    @Test
    void aPageIsReadAsItsTitleAndMainTextWithoutScriptsStylesNavigationAsidesOrFooter() {
        FetchedPage page = fetcher(1 << 20, 8192).fetch(url("/article"));

        assertThat(page.title()).isEqualTo("The Osk valley");
        assertThat(page.text()).isEqualTo("The Osk valley\n\nThe river Osk flows through Kellmouth.\n\nIt rises in the"
                + " Brennick hills.");
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void aPageReadOnceIsGivenAgainWithoutAnotherRequestButAFailureIsTriedAgain() {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/counted", e -> {
            requests.incrementAndGet();
            send(e, 200, "text/plain", "Counted page.");
        });
        server.createContext("/flaky", e -> send(e, requests.incrementAndGet() == 2 ? 503 : 200, "text/plain", "ok"));
        PageFetcher fetcher = fetcher(1 << 20, 8192);

        assertThat(fetcher.fetch(url("/counted"))).isEqualTo(fetcher.fetch(url("/counted")));
        assertThat(requests.get()).isEqualTo(1);
        assertThatThrownBy(() -> fetcher.fetch(url("/flaky"))).hasMessageContaining("HTTP 503");
        assertThat(fetcher.fetch(url("/flaky")).text()).isEqualTo("ok");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void plainTextIsReadAsItsParagraphs() {
        assertThat(fetcher(1 << 20, 8192).fetch(url("/plain")).text()).isEqualTo("Line one.\n\nLine two.");
    }

    @Test
    void textIsCutToTheSearchersPageLimit() {
        FetchedPage page = fetcher(1 << 20, 30).fetch(url("/article"));

        assertThat(page.text()).hasSizeLessThanOrEqualTo(30).startsWith("The Osk valley");
        assertThat(page.truncated()).isTrue();
    }

    @Test
    void aPageLargerThanTheByteLimitIsCutThereAndTheRestIsNeverRead() {
        FetchedPage page = fetcher(64 << 10, 100_000).fetch(url("/huge"));

        assertThat(page.truncated()).isTrue();
        assertThat(page.text()).startsWith("word word").hasSizeLessThanOrEqualTo(64 << 10);
        server.stop(1);
        assertThat(hugeBytesSent.get()).as("bytes the server could send before the reader left")
                .isLessThan(HUGE / 2);
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndOnlyToWebAddresses() {
        FetchedPage moved = fetcher(1 << 20, 8192).fetch(url("/moved"));
        assertThat(moved.url()).endsWith("/moved");
        assertThat(moved.finalUrl()).endsWith("/article");
        assertThat(moved.title()).isEqualTo("The Osk valley");

        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(url("/loop")))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("more than 3 redirects");
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(url("/to-file")))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("not an http(s) URL: file:///etc/passwd");
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch("file:///etc/passwd"))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("not an http(s) URL");
    }

    @Test
    void aPageThatIsNotTextIsRefusedByItsContentType() {
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(url("/paper.pdf")))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("not a text page")
                .hasMessageContaining("application/pdf");
    }

    @Test
    void anHttpErrorAndAClosedPortAreReportedWithTheirReason() throws IOException {
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(url("/missing")))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("HTTP 404");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closed + "/page";
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(dead))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("cannot connect to " + dead);
    }

    @Test
    void aServerThatStopsSendingEndsInATimeoutInsteadOfAHang() {
        assertThatThrownBy(() -> fetcher(1 << 20, 8192).fetch(url("/stall")))
                .isInstanceOf(PageFetchException.class).hasMessageContaining("timed out reading")
                .hasMessageContaining("fetch-read-timeout 1.5 s");
    }
}
