package dev.polis.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pf4j.PluginRepository;

/**
 * Lists the plugins in the plugin folders: zips, expanded once into a cache, and unpacked plugin folders.
 *
 * <p>Unlike pf4j's default repository it never writes into the plugin folder (which may be read-only),
 * guards against entries escaping the target folder, and records a readable reason for a zip that cannot
 * be read instead of only logging it.
 */
final class ExpandingPluginRepository implements PluginRepository {

    private final List<Path> roots;
    private final Path cache;
    private final LoadFailures failures;

    ExpandingPluginRepository(List<Path> roots, Path cache, LoadFailures failures) {
        this.roots = List.copyOf(roots);
        this.cache = cache;
        this.failures = failures;
    }

    @Override
    public List<Path> getPluginPaths() {
        List<Path> paths = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            for (Path entry : sortedEntries(root)) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isRegularFile(entry) && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                    expand(entry).ifPresent(paths::add);
                } else if (Files.isDirectory(entry)) {
                    paths.add(entry);
                }
            }
        }
        return paths;
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }

    private static List<Path> sortedEntries(Path root) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list plugin folder " + root, e);
        }
        entries.sort(Comparator.comparing(Path::toString));
        return entries;
    }

    private java.util.Optional<Path> expand(Path zip) {
        try {
            String key = Integer.toHexString((zip.toAbsolutePath().normalize() + "|" + Files.size(zip) + "|"
                    + Files.getLastModifiedTime(zip).toMillis()).hashCode());
            String base = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
            Path target = cache.resolve(base + "-" + key);
            if (!Files.isDirectory(target)) {
                Files.createDirectories(cache);
                Path temporary = Files.createTempDirectory(cache, base + "-partial-");
                unzip(zip, temporary);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isDirectory(target)) {
                        throw raced;
                    }
                    deleteTree(temporary);
                }
            }
            failures.expanded(target, zip);
            return java.util.Optional.of(target);
        } catch (ZipException e) {
            failures.record(zip, "not a readable zip archive (" + e.getMessage()
                    + "); rebuild the plugin with 'mvn package' or replace the file");
        } catch (IOException | RuntimeException e) {
            failures.record(zip, "cannot expand plugin zip: " + e);
        }
        return java.util.Optional.empty();
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new ZipException("entry '" + entry.getName() + "' points outside the plugin folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
