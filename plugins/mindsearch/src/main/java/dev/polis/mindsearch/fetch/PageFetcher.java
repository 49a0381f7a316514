package dev.polis.mindsearch.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads a web page for a searcher within {@link FetchLimits}: a connect timeout, a read timeout that bounds the whole
 * response, at most {@code maxBytes} read (the rest of the page is left unread), at most {@code maxRedirects}
 * redirects followed (http and https only), HTML and plain text accepted and anything else refused, then readable
 * text extracted ({@link ReadableText}) and cut to {@code maxChars}. Every failure is a {@link PageFetchException}
 * that says why; nothing waits longer than the limits allow. A page read once is kept and given again to later
 * callers of the same fetcher (one per question: two nodes selecting one page read it once); failures are not
 * kept. Thread-safe.
 */
public final class PageFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final String USER_AGENT = "Polis-MindSearch/0.1 (page reader)";

    private final FetchLimits limits;
    private final java.util.Map<String, FetchedPage> read = new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates a fetcher with these limits. */
    public PageFetcher(FetchLimits limits) {
        this.limits = limits;
    }

    /** Returns the limits. */
    public FetchLimits limits() {
        return limits;
    }

    /**
     * Reads the page at {@code url}.
     *
     * @throws PageFetchException when it cannot be read, saying why
     */
    public FetchedPage fetch(String url) {
        FetchedPage kept = read.get(url);
        if (kept != null) {
            return kept;
        }
        FetchedPage page = download(url);
        read.putIfAbsent(url, page);
        return page;
    }

    private FetchedPage download(String url) {
        URI uri = web(url, url);
        long deadline = System.nanoTime() + limits.connectTimeout().toNanos() + limits.readTimeout().toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = open(uri);
            try {
                int status = connection.getResponseCode();
                if (REDIRECTS.contains(status)) {
                    String location = connection.getHeaderField("Location");
                    if (location == null || location.isBlank()) {
                        throw new PageFetchException("HTTP " + status + " redirect without a Location from " + uri);
                    }
                    if (redirects >= limits.maxRedirects()) {
                        throw new PageFetchException("more than " + limits.maxRedirects() + " redirects from " + url
                                + " (last to " + location + ")");
                    }
                    uri = web(uri.resolve(location.strip()).toString(), url);
                    continue;
                }
                if (status >= 400) {
                    throw new PageFetchException("HTTP " + status + " from " + uri);
                }
                String type = connection.getContentType();
                String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
                boolean html = mime.isEmpty() || mime.equals("text/html") || mime.equals("application/xhtml+xml");
                if (!html && !mime.startsWith("text/")) {
                    throw new PageFetchException("not a text page: " + uri + " is " + mime);
                }
                Body body = read(connection, deadline, uri);
                Charset charset = charset(type);
                ReadableText.Extracted extracted = html
                        ? ReadableText.of(Jsoup.parse(new ByteArrayInputStream(body.bytes()),
                                charset == null ? null : charset.name(), uri.toString()))
                        : new ReadableText.Extracted("", ReadableText.normalise(new String(body.bytes(),
                                charset == null ? StandardCharsets.UTF_8 : charset)));
                String text = ReadableText.cut(extracted.text(), limits.maxChars());
                return new FetchedPage(url, uri.toString(), extracted.title(), text,
                        body.truncated() || text.length() < extracted.text().length());
            } catch (SocketTimeoutException e) {
                throw new PageFetchException("timed out reading " + uri + " (fetch-connect-timeout "
                        + limits.connectTimeout().toMillis() / 1000.0 + " s, fetch-read-timeout "
                        + limits.readTimeout().toMillis() / 1000.0 + " s)", e);
            } catch (ConnectException e) {
                throw new PageFetchException("cannot connect to " + uri + ": " + e.getMessage(), e);
            } catch (UnknownHostException e) {
                throw new PageFetchException("unknown host in " + uri, e);
            } catch (IOException e) {
                throw new PageFetchException("cannot read " + uri + ": " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            } finally {
                connection.disconnect();
            }
        }
    }

    private record Body(byte[] bytes, boolean truncated) { }

    private Body read(HttpURLConnection connection, long deadline, URI uri) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = connection.getInputStream()) {
            while (total < limits.maxBytes()) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limits.maxBytes() - total));
                if (n < 0) {
                    return new Body(out.toByteArray(), false);
                }
                out.write(buffer, 0, n);
                total += n;
                if (System.nanoTime() > deadline) {
                    throw new PageFetchException("reading " + uri + " took longer than fetch-read-timeout "
                            + limits.readTimeout().toMillis() / 1000.0 + " s");
                }
            }
        }
        return new Body(out.toByteArray(), true);
    }

    private HttpURLConnection open(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) Math.max(1, limits.connectTimeout().toMillis()));
            connection.setReadTimeout((int) Math.max(1, limits.readTimeout().toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("User-Agent", USER_AGENT);
            connection.setRequestProperty("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new PageFetchException("cannot open " + uri + ": " + e.getMessage(), e);
        }
    }

    private static URI web(String url, String asked) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new PageFetchException("not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PageFetchException("not an http(s) URL: " + url + (url.equals(asked) ? "" : " (from " + asked + ")"));
        }
        return uri;
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
