package dev.polis.mindsearch.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the graph page from the plugin's resources ({@code dev/polis/mindsearch/ui/}): {@code GET /} is
 * {@code index.html}, {@code GET /ui/<name>} one of its scripts and style sheets. Plain files, no build step, nothing
 * loaded from elsewhere. Names are matched against a strict pattern, so no path reaches outside that folder.
 */
final class UiAssets {

    private static final String ROOT = "/dev/polis/mindsearch/ui/";
    private static final Pattern NAME = Pattern.compile("/ui/([a-z][a-z0-9-]*\\.(?:js|css|html))");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private UiAssets() {
    }

    /**
     * Answers a {@code GET} or {@code HEAD} of the page or one of its files; returns false, having sent nothing, for
     * any other request (another method, another path, a file that is not there).
     */
    static boolean serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String name = name(exchange.getRequestURI().getPath());
        byte[] bytes = name == null ? null : read(name);
        if (bytes == null) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        return true;
    }

    /** Returns the resource name a path asks for, or null. */
    static String name(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            return "index.html";
        }
        var m = NAME.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    private static byte[] read(String name) {
        try (InputStream in = UiAssets.class.getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page's resource " + ROOT + name, e);
        }
    }
}
