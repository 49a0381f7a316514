package dev.polis.openai.server;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests to the endpoints (embeddings only when an embedding model is served), answers unknown paths
 * (404) and wrong methods (405), refuses new requests while the server drains (503) and requests without the
 * server's API key when it has one (401), and counts requests in flight.
 */
final class ApiRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final String MODELS = "/v1/models";
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final String EMBEDDINGS = "/v1/embeddings";

    private final CompletionsEndpoint completions;
    private final EmbeddingsEndpoint embeddings;
    private final String modelName;
    private final long created = System.currentTimeMillis() / 1000;
    private final InFlight inFlight;
    private final BooleanSupplier draining;
    private final BearerAuth auth;

    /**
     * Creates the router; {@code embeddings} is {@code null} when no embedding model is served, {@code auth} when
     * no key is required.
     */
    ApiRouter(CompletionsEndpoint completions, EmbeddingsEndpoint embeddings, String modelName, InFlight inFlight,
              BooleanSupplier draining, BearerAuth auth) {
        this.auth = auth;
        this.completions = completions;
        this.embeddings = embeddings;
        this.modelName = modelName;
        this.inFlight = inFlight;
        this.draining = draining;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.enter();
        try {
            if (draining.getAsBoolean()) {
                throw new ApiErrorException(new ApiError(503, "the server is shutting down; retry against another "
                        + "server", "server_error", "shutting_down", null));
            }
            if (auth != null) {
                auth.check(exchange);
            }
            route(exchange);
        } catch (ApiErrorException e) {
            Exchanges.sendError(exchange, e.error());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            try {
                Exchanges.sendError(exchange, new ApiError(500, "internal error: " + e, "server_error",
                        "internal_error", null));
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the response had started or the client left; the connection is closed below
            }
        } finally {
            exchange.close();
            inFlight.exit();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = exchange.getRequestMethod();
        if (path.equals(COMPLETIONS)) {
            requireMethod(exchange, "POST");
            completions.handle(exchange);
        } else if (path.equals(EMBEDDINGS)) {
            requireMethod(exchange, "POST");
            if (embeddings == null) {
                throw new ApiErrorException(new ApiError(404, "this server serves no embedding model; start polis "
                        + "serve with --embedder <spec> to answer " + EMBEDDINGS, "invalid_request_error",
                        "not_found", null));
            }
            embeddings.handle(exchange);
        } else if (path.equals(MODELS)) {
            requireMethod(exchange, "GET");
            ObjectNode body = WireJson.object().put("object", "list");
            ArrayNode data = body.putArray("data").add(model(modelName));
            if (embeddings != null && !embeddings.modelName().equals(modelName)) {
                data.add(model(embeddings.modelName()));
            }
            Exchanges.sendJson(exchange, 200, body);
        } else if (path.equals(MODELS + "/" + modelName)) {
            requireMethod(exchange, "GET");
            Exchanges.sendJson(exchange, 200, model(modelName));
        } else if (embeddings != null && path.equals(MODELS + "/" + embeddings.modelName())) {
            requireMethod(exchange, "GET");
            Exchanges.sendJson(exchange, 200, model(embeddings.modelName()));
        } else {
            throw new ApiErrorException(new ApiError(404, "unknown path " + method + " " + path + "; this server "
                    + "answers GET " + MODELS + (embeddings == null ? " and" : ",") + " POST " + COMPLETIONS
                    + (embeddings == null ? "" : " and POST " + EMBEDDINGS), "invalid_request_error", "not_found",
                    null));
        }
    }

    private ObjectNode model(String name) {
        return WireJson.object().put("id", name).put("object", "model").put("created", created)
                .put("owned_by", "polis");
    }

    private static void requireMethod(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new ApiErrorException(new ApiError(405, exchange.getRequestMethod() + " is not allowed on "
                    + exchange.getRequestURI().getPath() + "; use " + method, "invalid_request_error",
                    "method_not_allowed", null));
        }
    }
}
