package dev.polis.testkit.plugin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.pf4j.processor.ExtensionAnnotationProcessor;

/**
 * Compiles Java sources held in strings into a class folder, in process, running pf4j's annotation processor so
 * that {@code META-INF/extensions.idx} is written for {@code @Extension} classes.
 *
 * <p>The class path is the running test's class path (Surefire's {@code surefire.test.class.path} when set, else
 * {@code java.class.path}) plus any extra entries, so sources can use sdk-api, pf4j and anything the test sees.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JavaSources {

    private JavaSources() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) into {@code outputDir}.
     *
     * @param processExtensions whether to run pf4j's annotation processor
     * @throws IllegalArgumentException when the sources do not compile; the message holds javac's diagnostics
     */
    public static void compile(Map<String, String> sources, Path outputDir, List<Path> extraClassPath,
                               boolean processExtensions) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the tests on a JDK, not a JRE");
        }
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(e -> (JavaFileObject) new StringSource(e.getKey(), e.getValue()))
                .toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(outputDir);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath(extraClassPath));
            List<String> options = List.of("--release", "21", "-proc:" + (processExtensions ? "full" : "none"));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            if (processExtensions) {
                task.setProcessors(List.of(new ExtensionAnnotationProcessor()));
            }
            if (!task.call()) {
                throw new IllegalArgumentException("sources do not compile:\n" + describe(diagnostics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the running test's class path followed by {@code extra}. */
    public static List<Path> classPath(List<Path> extra) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        Set<Path> entries = new LinkedHashSet<>(extra);
        for (String entry : testClassPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return new ArrayList<>(entries);
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String code;

        StringSource(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
