package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every Java file docs/plugin-guide.md shows (each {@code java} block must be a whole file, starting with
 * {@code package}) compiles against the API and the kits (and, for the accelerator section, the gpu runtime and its
 * test fixtures) with all lint warnings as errors, and its kit tests (classes ending in {@code Test}) pass: the guide
 * cannot rot unnoticed.
 */
class GuideSnippetsTest {

    private static final Path GUIDE = Path.of("../../docs/plugin-guide.md");
    private static final Pattern BLOCK = Pattern.compile("```java\\n(package [^;]+;.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("^(?:public |final |abstract )*(?:class|record|interface) "
            + "(\\w+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);");

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theGuidesJavaFilesCompileAndTheirKitTestsPass(@TempDir Path classes) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        String guide = Files.readString(GUIDE);
        assertThat(guide.split("```java\n", -1).length - 1).as("java blocks in the guide, all whole files (a fragment "
                + "is not compiled: give it its package line and imports)").isEqualTo(count(BLOCK.matcher(guide)));
        Matcher block = BLOCK.matcher(guide);
        while (block.find()) {
            String code = block.group(1);
            Matcher pkg = PACKAGE.matcher(code);
            Matcher type = TYPE.matcher(code);
            assertThat(pkg.find() && type.find()).as("a package and a type in\n" + code).isTrue();
            String name = pkg.group(1) + "." + type.group(1);
            sources.add(new SimpleJavaFileObject(java.net.URI.create("string:///" + name.replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            });
            if (name.endsWith("Test")) {
                tests.add(name);
            }
        }
        assertThat(sources).as("whole Java files in the guide").hasSizeGreaterThanOrEqualTo(12);
        assertThat(tests).contains("com.example.coins.HalfAgentCompatibilityTest",
                "com.example.coins.CoinPotCompatibilityTest", "com.example.coins.EchoModelCompatibilityTest",
                "com.example.coins.PhraseGuardCompatibilityTest", "com.example.coins.PenaltyDecoderCompatibilityTest",
                "com.example.keeprecent.KeepRecentCompatibilityTest");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        boolean compiled = javac.getTask(new PrintWriter(diagnostics, true, StandardCharsets.UTF_8), null, null,
                List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                        "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                        "-Xlint:all,-processing", "-Werror"), null, sources).call();
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isTrue();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GuideSnippetsTest.class.getClassLoader())) {
            for (String test : tests) {
                Events events = EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(loader.loadClass(test))).execute().testEvents();
                assertThat(events.failed().count()).as(test + " failures: " + events.failed().list()).isZero();
                assertThat(events.succeeded().count()).as(test + " passed tests").isPositive();
            }
        }
    }
}
