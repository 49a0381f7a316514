package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The graph page's own scripts, loaded from the real server into headless Chromium and called directly: the
 * server-sent event frame parser and the graph's layering, each against hand-worked expectations.
 */
@Timeout(240)
class PageScriptsInBrowserTest {

    @TempDir
    Path dir;

    private ServedPage served;
    private RemoteWebDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (served != null) {
            served.close();
        }
    }

    /** Starts the server and the browser; returns the page's address. */
    private String start(String model) throws Exception {
        served = ServedPage.start(dir, model);
        browser = served.browser();
        return served.url();
    }

    @Test
    void theStreamReaderFollowsTheServerSentEventRules() throws Exception {
        String page = start("msscript:multihop");
        browser.get(page);

        Object frames = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./ui/stream.js').then(({ FrameParser }) => {
                  const p = new FrameParser();
                  const out = [];
                  for (const chunk of [': ping - 1\\n\\nda', 'ta: {"a":1}\\n', '\\nevent: final\\r', '\\ndata: x\\r\\ndata:y\\r\\n\\r\\n',
                                       'event: done\\ndata: {}\\n\\n', 'data: cut off']) {
                    out.push(...p.push(chunk));
                  }
                  p.end();
                  done(JSON.stringify(out));
                }).catch((e) => done('error: ' + e));
                """);

        assertThat(frames).isEqualTo("[{\"name\":null,\"data\":\"{\\\"a\\\":1}\"},{\"name\":\"final\",\"data\":\"x\\ny\"},"
                + "{\"name\":\"done\",\"data\":\"{}\"}]");
    }

    @Test
    void theLayoutPutsEachNodeOneLayerRightOfItsDeepestParentAndSurvivesACycle() throws Exception {
        String page = start("msscript:multihop");
        browser.get(page);

        Object layers = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./ui/graph.js').then(({ layers }) => {
                  const dag = layers(['root', 'a', 'b', 'c', 'orphan', 'response'], [
                    { from: 'root', to: 'a' }, { from: 'root', to: 'b' }, { from: 'a', to: 'c' },
                    { from: 'b', to: 'c' }, { from: 'root', to: 'c' }, { from: 'c', to: 'response' }]);
                  const cycle = layers(['root', 'x', 'y'], [{ from: 'x', to: 'y' }, { from: 'y', to: 'x' }]);
                  done(JSON.stringify([Object.fromEntries(dag), Object.fromEntries(cycle)]));
                }).catch((e) => done('error: ' + e));
                """);

        assertThat(layers).isEqualTo("[{\"root\":0,\"a\":1,\"b\":1,\"c\":2,\"orphan\":1,\"response\":3},"
                + "{\"root\":0,\"y\":2,\"x\":3}]");
    }
}
