package dev.polis.runtime.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import dev.polis.api.InvalidInputException;

/**
 * Reads the documents of a training corpus: text files, folders (every regular file below, in path order; files
 * with a NUL byte in their first 8 KiB are taken for binary and skipped), or {@value #JDK_SRC}, the {@code .java}
 * files under {@code java.base/java/} in the running JDK's {@code lib/src.zip} (about 29 MB in JDK 25), in entry
 * name order. Reading stops once {@code limitBytes} are collected.
 */
final class CorpusSource {

    /** The name that selects the JDK's own Java sources. */
    static final String JDK_SRC = "jdk-src";

    private CorpusSource() {
    }

    /** Returns the documents' bytes, in a stable order, up to {@code limitBytes} in all. */
    static List<byte[]> read(List<String> sources, long limitBytes) {
        if (sources.isEmpty()) {
            throw new InvalidInputException("no corpus given: pass --corpus with text files, folders or "
                    + JDK_SRC);
        }
        List<byte[]> documents = new ArrayList<>();
        long[] total = {0};
        for (String source : sources) {
            if (source.equals(JDK_SRC)) {
                readJdk(documents, total, limitBytes);
            } else {
                readPath(Path.of(source), documents, total, limitBytes);
            }
        }
        if (total[0] == 0) {
            throw new InvalidInputException("the corpus " + sources + " holds no text");
        }
        return documents;
    }

    private static void readPath(Path path, List<byte[]> documents, long[] total, long limit) {
        if (!Files.exists(path)) {
            throw new InvalidInputException("corpus file or folder " + path + " does not exist");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        } else {
            files.add(path);
        }
        for (Path file : files) {
            if (total[0] >= limit) {
                return;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (!isBinary(bytes)) {
                    add(documents, total, limit, bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus file " + file, e);
            }
        }
    }

    private static void readJdk(List<byte[]> documents, long[] total, long limit) {
        Path zip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (!Files.isRegularFile(zip)) {
            throw new InvalidInputException("--corpus " + JDK_SRC + " needs the JDK's sources at " + zip
                    + ", which is missing (install the JDK's source package, or pass text files)");
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("java.base/java/") && entry.getName().endsWith(".java")) {
                    entries.add(entry);
                }
            }
            entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
            for (ZipEntry entry : entries) {
                if (total[0] >= limit) {
                    return;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    add(documents, total, limit, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    private static void add(List<byte[]> documents, long[] total, long limit, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        int take = (int) Math.min(bytes.length, limit - total[0]);
        documents.add(take == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, take));
        total[0] += take;
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
