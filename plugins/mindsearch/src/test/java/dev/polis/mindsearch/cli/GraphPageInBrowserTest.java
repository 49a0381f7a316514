package dev.polis.mindsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.mindsearch.fixture.MultiHopScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The graph page of {@code polis mindsearch serve} in a real headless Chromium, against the real server on loopback
 * with the fixture corpus and the scripted two-hop model: the user types the question, and the DOM shows the graph's
 * nodes and edges, each node's queries, results, pages and answer on click, and the final answer whose citation
 * popovers name the right sources; a failed node and a failed run show as such; Stop cancels the run. Screenshots go
 * to {@code target/mindsearch-ui.png} and {@code target/mindsearch-ui-error.png}.
 */
@Timeout(240)
class GraphPageInBrowserTest {

    private static final Duration RUN = Duration.ofSeconds(120);

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
    private String start(String model, String... extra) throws Exception {
        served = ServedPage.start(dir, model, extra);
        browser = served.browser();
        return served.url();
    }

    /**
     * Types the question, presses Ask and waits until the page says the run ended; returns that state. Every drawing
     * of the graph is recorded in {@code window.graphs} (its node names), read back by {@link #drawings()}.
     */
    private String ask(String page, String question) {
        browser.get(page);
        assertThat(browser.getTitle()).isEqualTo("MindSearch - Polis");
        // Each drawing appends a fresh g.nodes group to the svg; a detached group keeps its nodes, so none is missed.
        browser.executeScript("""
                window.graphs = [];
                new MutationObserver((records) => {
                  for (const r of records) for (const n of r.addedNodes)
                    if (n.classList && n.classList.contains('nodes'))
                      window.graphs.push([...n.children].map((c) => c.getAttribute('data-node')).join(' '));
                }).observe(document.getElementById('graph'), { childList: true });
                """);
        browser.findElement(By.id("question")).sendKeys(question);
        browser.findElement(By.id("ask")).click();
        new WebDriverWait(browser, RUN).until(d -> List.of("done", "failed", "stopped")
                .contains(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        return browser.findElement(By.tagName("body")).getDomAttribute("data-state");
    }

    /** Returns the graph's node lists as drawn, consecutive repeats dropped. */
    private List<String> drawings() {
        List<String> drawn = new ArrayList<>();
        for (Object graph : (List<?>) browser.executeScript("return window.graphs;")) {
            if (drawn.isEmpty() || !drawn.getLast().equals(graph)) {
                drawn.add(String.valueOf(graph));
            }
        }
        return drawn;
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private List<String> attributes(String css, String attribute) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute(attribute)).toList();
    }

    @Test
    void theGraphGrowsNodeByNodeAndTheCitedAnswerNamesItsSources() throws Exception {
        String page = start("msscript:multihop");

        assertThat(ask(page, MultiHopScript.QUESTION)).isEqualTo("done");

        assertThat(drawings()).as("the graph as it grew").containsExactly("root", "root inventor",
                "root inventor river", "root inventor river response");
        assertThat(attributes("#graph g.node", "data-node")).containsExactly("root", "inventor", "river", "response");
        assertThat(texts("#graph g.node text.label")).containsExactly("root", "inventor", "river", "response");
        assertThat(attributes("#graph g.node.searcher", "data-status")).containsExactly("answered", "answered");
        assertThat(browser.findElements(By.cssSelector("#graph path.edge:not(.implied)")))
                .extracting(e -> e.getDomAttribute("data-from") + "->" + e.getDomAttribute("data-to"))
                .containsExactly("root->inventor", "inventor->river");
        assertThat(texts("#turns > li")).hasSize(3);

        browser.findElement(By.cssSelector("#graph g.node[data-node='inventor']")).click();
        assertThat(browser.findElement(By.cssSelector("#details .node-question")).getText())
                .isEqualTo("Where was the designer of the Zephyr telescope born?");
        assertThat(texts("#details .queries li")).containsExactly("Where was the designer of the Zephyr telescope born?");
        assertThat(texts("#details .results li .title")).contains("Ada Varn");
        assertThat(texts("#details .results li .snippet")).anySatisfy(t -> assertThat(t).contains("Zephyr telescope"));
        assertThat(texts("#details .results li.selected")).isNotEmpty();
        assertThat(texts("#details .pages li .url")).contains("local://corpus/people/ada-varn.md");
        assertThat(browser.findElement(By.cssSelector("#details .node-answer")).getText()).contains("born in Kellmouth");

        // a node's [[n]] is its own result n: the popover names that result
        WebElement nodeCite = browser.findElement(By.cssSelector("#details .node-answer a.cite"));
        String cited = browser.findElement(By.cssSelector("#details .results li[data-n='"
                + nodeCite.getDomAttribute("data-ref") + "'] .url")).getText();
        nodeCite.click();
        assertThat(browser.findElement(By.cssSelector("#popover .pop-url")).getText()).isEqualTo(cited)
                .isEqualTo("local://corpus/people/ada-varn.md");

        browser.findElement(By.cssSelector("#graph g.node[data-node='river']")).click();
        assertThat(texts("#details .queries li")).containsExactly("Which river flows through Kellmouth?");
        assertThat(browser.findElement(By.cssSelector("#details .node-answer")).getText()).contains("river Osk");

        WebElement answer = browser.findElement(By.id("answer"));
        assertThat(answer.getText()).contains("The designer of the Zephyr telescope was born in Kellmouth",
                "the river Osk flows through Kellmouth");
        assertThat(attributes("#answer a.cite", "data-ref")).containsExactly("1", "2");
        browser.findElement(By.cssSelector("#answer a.cite[data-ref='2']")).click();
        WebElement popover = browser.findElement(By.id("popover"));
        assertThat(popover.isDisplayed()).isTrue();
        assertThat(popover.findElement(By.className("pop-title")).getText()).isEqualTo("[2] Kellmouth");
        assertThat(popover.findElement(By.className("pop-url")).getText()).isEqualTo("local://corpus/places/kellmouth.html");
        assertThat(popover.findElement(By.className("pop-snippet")).getText()).isNotBlank();
        screenshot("mindsearch-ui.png");

        browser.findElement(By.cssSelector("#answer a.cite[data-ref='1']")).click();
        assertThat(popover.findElement(By.className("pop-title")).getText()).isEqualTo("[1] Ada Varn");
        assertThat(popover.findElement(By.className("pop-url")).getText()).isEqualTo("local://corpus/people/ada-varn.md");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Done; records in run solve-");
    }

    @Test
    void aPlannerThatNeverAnswersShowsTheErrorAndThePartialAnswer() throws Exception {
        String page = start("msscript:never-answers", "--max-turns", "2");

        assertThat(ask(page, "Where was Ada Varn born?")).isEqualTo("failed");

        WebElement error = browser.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("The run failed", "no final answer");
        assertThat(attributes("#graph g.node", "data-node")).startsWith("root").endsWith("response");
        assertThat(attributes("#graph g.node.response", "data-status")).containsExactly("failed");
        assertThat(browser.findElement(By.id("answer-pane")).isDisplayed()).isTrue();
        assertThat(texts("#answer h4")).contains("Where was Ada Varn born?");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("partial answer");
        screenshot("mindsearch-ui-error.png");
    }

    @Test
    void aNodePastItsTimeLimitIsShownFailedBesideTheOneThatAnswered() throws Exception {
        String page = start("msscript:slow-node", "--node-timeout", "1");

        assertThat(ask(page, "Two questions at once?")).isEqualTo("done");

        assertThat(attributes("#graph g.node.searcher", "data-node")).containsExactly("slow", "fast");
        assertThat(attributes("#graph g.node.searcher", "data-status")).containsExactly("failed", "answered");
        browser.findElement(By.cssSelector("#graph g.node[data-node='slow']")).click();
        assertThat(browser.findElement(By.cssSelector("#details .node-answer")).getText()).startsWith("This node failed");
        browser.findElement(By.cssSelector("#graph g.node[data-node='fast']")).click();
        assertThat(browser.findElement(By.cssSelector("#details .node-answer")).getText()).isEqualTo("fast answer");
        assertThat(browser.findElement(By.id("answer")).getText()).isEqualTo("final answer");
    }

    @Test
    void stopAbortsTheRequestAndTheServerCancelsTheRun() throws Exception {
        String page = start("msscript:slow-node");
        browser.get(page);
        browser.findElement(By.id("question")).sendKeys("Two questions at once?");
        browser.findElement(By.id("ask")).click();
        WebDriverWait wait = new WebDriverWait(browser, RUN);
        wait.until(d -> d.findElements(By.cssSelector("#graph g.node[data-node='fast'][data-status='answered']"))
                .size() == 1);
        assertThat(attributes("#graph g.node[data-node='slow']", "data-status")).containsExactly("waiting");

        browser.findElement(By.id("stop")).click();

        wait.until(d -> "stopped".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Stopped: the request was cancelled.");
        assertThat(browser.findElement(By.id("ask")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        Path runs = dir.resolve("runs");
        new WebDriverWait(browser, RUN).until(d -> cancelled(runs));
    }

    /** Returns whether the one run under {@code runs} recorded that it was cancelled. */
    private static boolean cancelled(Path runs) {
        try (Stream<Path> folders = Files.list(runs)) {
            List<Path> all = folders.toList();
            return all.size() == 1 && Files.readString(all.getFirst().resolve("events.jsonl"))
                    .contains("\"mindsearch.cancelled\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
