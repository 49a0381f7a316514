package dev.polis.mindsearch.web;

import com.google.inject.Inject;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.mindsearch.fetch.FetchLimits;
import dev.polis.mindsearch.fetch.PageFetcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Opens {@code search.brave} backends: the Brave Search web API, keyed. The key comes from setting {@code api-key},
 * else from the environment variable named by {@code api-key-env} (default {@code BRAVE_API_KEY}), read through the
 * host's {@link HostEnvironment}; it is never stored in code. Other settings: {@code url} (default the public API),
 * {@code country}, {@code search-lang}, {@code safesearch}, {@code timeout} (seconds, default 10),
 * {@code concurrency} (requests at once, default 4; 1 suits the free plan's one query per second) and the
 * page-reading limits of {@link FetchLimits}.
 */
@Extension
public final class BraveBackendProvider implements SearchBackendProvider {

    /** The extension id. */
    public static final String ID = "search.brave";

    /** The public endpoint of web search. */
    public static final String ENDPOINT = "https://api.search.brave.com/res/v1/web/search";

    /** The variable the key is read from unless {@code api-key-env} names another. */
    public static final String KEY_VARIABLE = "BRAVE_API_KEY";

    private final HostEnvironment environment;

    /** Creates the provider without the host's environment: the key must then be given as setting {@code api-key}. */
    public BraveBackendProvider() {
        this(HostEnvironment.none());
    }

    /** Creates the provider over the host's environment variables (injected by the host). */
    @Inject
    public BraveBackendProvider(HostEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("web", "api-key");
    }

    @Override
    public String description() {
        return "the Brave Search web API (key: setting api-key or $BRAVE_API_KEY); pages read over HTTP";
    }

    @Override
    public SearchBackend open(SearchBackendContext context) {
        Settings settings = context.settings();
        var endpoint = WebSettings.url(settings, ID, "url", ENDPOINT, ENDPOINT);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : new String[] {"country", "search-lang", "safesearch"}) {
            settings.string(key).map(String::strip).filter(v -> !v.isEmpty())
                    .ifPresent(v -> parameters.put(key.replace('-', '_'), v));
        }
        return new BraveBackend(endpoint, key(settings), parameters, WebSettings.seconds(settings, ID, "timeout", 10),
                new PageFetcher(FetchLimits.from(settings, ID, FetchLimits.DEFAULTS.maxChars())),
                WebSettings.count(settings, ID, "concurrency", 4));
    }

    private String key(Settings settings) {
        String given = settings.string("api-key").map(String::strip).orElse("");
        if (!given.isEmpty()) {
            return given;
        }
        String variable = settings.string("api-key-env").map(String::strip).filter(v -> !v.isEmpty())
                .orElse(KEY_VARIABLE);
        return environment.variable(variable).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new InvalidInputException(ID + ".api-key: no Brave Search API key: the setting"
                        + " api-key is not set and the environment variable " + variable + " (setting api-key-env)"
                        + " is empty or unset; export " + variable + "=<your key> (get one at"
                        + " https://brave.com/search/api/) or pass --backend-setting api-key=<your key>"));
    }
}
