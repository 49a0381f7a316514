package dev.polis.openai.client;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a model spec that names several servers of one model into one spec per server: the base URLs are the
 * spec's location separated by commas ({@code openai:http://a:8000/v1,http://b:8000/v1#qwen}) or the
 * {@code baseUrls} option, a list whose items are a URL or {@code {url: ..., maxConcurrency: N}} (that server's
 * own limit; the others take {@code maxConcurrency}).
 */
public final class EndpointList {

    /** The option that lists the servers. */
    public static final String OPTION = "baseUrls";

    private EndpointList() {
    }

    /**
     * Returns one spec per server, in the order given; a spec of one server is returned as it is.
     *
     * @throws InvalidInputException when both the location and {@code baseUrls} name servers, or an item of
     *                               {@code baseUrls} is neither a URL nor a map with {@code url}
     */
    public static List<ModelSpec> split(ModelSpec spec) {
        Object listed = spec.options().get(OPTION);
        boolean commas = spec.location().contains(",");
        if (listed == null && !commas) {
            return List.of(spec);
        }
        if (listed != null && !spec.location().isBlank()) {
            throw new InvalidInputException("openai: the servers are named twice, in the spec (" + spec.location()
                    + ") and in " + OPTION + "; keep one of them");
        }
        Map<String, Object> shared = new LinkedHashMap<>(spec.options());
        shared.remove(OPTION);
        List<ModelSpec> specs = new ArrayList<>();
        if (commas) {
            for (String url : spec.location().split(",")) {
                if (url.isBlank()) {
                    throw new InvalidInputException("openai: an empty base URL in '" + spec.location()
                            + "'; separate the servers' base URLs with single commas");
                }
                specs.add(new ModelSpec(spec.provider(), url.strip(), spec.model(), shared));
            }
            return specs;
        }
        if (!(listed instanceof List<?> items) || items.isEmpty()) {
            throw new InvalidInputException("openai: " + OPTION + " must be a list of base URLs, for example"
                    + " [http://gpu1:8000/v1, http://gpu2:8000/v1]");
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Map<String, Object> own = new LinkedHashMap<>(shared);
            String url;
            if (item instanceof Map<?, ?> map && map.get("url") != null) {
                url = String.valueOf(map.get("url"));
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (!key.equals("url") && !key.equals("maxConcurrency")) {
                        throw new InvalidInputException("openai: " + OPTION + "[" + i + "]." + key
                                + ": unknown; a server takes url and maxConcurrency");
                    }
                }
                if (map.get("maxConcurrency") != null) {
                    own.put("maxConcurrency", map.get("maxConcurrency"));
                }
            } else if (item instanceof String text && !text.isBlank()) {
                url = text;
            } else {
                throw new InvalidInputException("openai: " + OPTION + "[" + i + "] must be a base URL or"
                        + " {url: <base url>, maxConcurrency: <n>}, but was " + item);
            }
            specs.add(new ModelSpec(spec.provider(), url.strip(), spec.model(), own));
        }
        return specs;
    }
}
