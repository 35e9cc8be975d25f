package org.mtcgate.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Serves the node's metrics in the Prometheus text format at {@code /metrics} (the JDK's HTTP server, through the
 * Prometheus client's exporter), {@code /-/healthy} (the process answers), and {@code /ready}: 200 when every
 * listener is bound and every configured peer and association is up, else 503 with one line per thing not ready,
 * for a load balancer or an orchestrator to route by.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(MetricsServer.class);
    public static final String READY_PATH = "/ready";

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port}; port 0 picks a free one (see {@link #port()}).
     */
    public static MetricsServer start(NodeMetrics metrics, String host, int port) throws IOException {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port " + port + " is not 0 to 65535");
        }
        HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(metrics.registry())
                .defaultHandler(exchange -> other(exchange, metrics)).buildAndStart();
        LOG.info("metrics on http://{}:{}/metrics, readiness at {}", host, server.getPort(), READY_PATH);
        return new MetricsServer(server);
    }

    /** Every path but /metrics and /-/healthy: /ready, or 404. */
    private static void other(HttpExchange exchange, NodeMetrics metrics) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!READY_PATH.equals(path)) {
                send(exchange, 404, "not found: " + path + " (try /metrics, " + READY_PATH + " or /-/healthy)\n");
                return;
            }
            List<String> notReady = metrics.notReady();
            send(exchange, notReady.isEmpty() ? 200 : 503,
                    notReady.isEmpty() ? "ready\n" : "not ready:\n" + String.join("\n", notReady) + "\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The bound port. */
    public int port() {
        return server.getPort();
    }

    /** Stops listening and the server's threads. */
    @Override
    public void close() {
        server.close();
    }
}
