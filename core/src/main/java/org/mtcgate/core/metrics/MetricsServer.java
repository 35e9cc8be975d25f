package org.mtcgate.core.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.Objects;

/**
 * Serves the node's metrics in the Prometheus text format at {@code /metrics} (the JDK's HTTP server, through the
 * Prometheus client's exporter). Also {@code /-/healthy}.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(MetricsServer.class);

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
        HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(metrics.registry()).buildAndStart();
        LOG.info("metrics on http://{}:{}/metrics", host, server.getPort());
        return new MetricsServer(server);
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
