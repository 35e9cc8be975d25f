package org.mtcgate.core.node;

import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.console.ConsoleCommands;
import org.mtcgate.core.console.ConsoleServer;
import org.mtcgate.core.logging.LoggingCommands;
import org.mtcgate.core.logging.LoggingControl;
import org.mtcgate.core.metrics.MetricsServer;
import org.mtcgate.core.metrics.NodeMetrics;

import java.io.IOException;
import java.util.Optional;

/** The operator's interfaces, when configured: the Prometheus endpoint and the SSH console. */
final class Operations implements AutoCloseable {
    private final MetricsServer metricsServer;
    private final ConsoleServer console;

    private Operations(MetricsServer metricsServer, ConsoleServer console) {
        this.metricsServer = metricsServer;
        this.console = console;
    }

    static Operations start(NodeConfig config, NodeMetrics metrics, NodeConsole commands, AuditLog audit,
                            LoggingControl logging) throws NodeException {
        MetricsServer metricsServer = null;
        if (config.metricsListen() != null) {
            try {
                metricsServer = MetricsServer.start(metrics, config.metricsListen().getHostString(), config.metricsListen().getPort());
            } catch (IOException e) {
                throw new NodeException("metrics.listen " + config.metricsListen().getHostString() + ":"
                        + config.metricsListen().getPort() + " cannot be used: " + e.getMessage(), e);
            }
        }
        ConsoleServer console = null;
        if (config.console() != null) {
            ConsoleCommands registry = new ConsoleCommands(BuildInfo.describe());
            commands.registerAll(registry, RunningConfig.snapshot(config.source(), commands.policy()));
            new LoggingCommands(logging).registerAll(registry);
            console = new ConsoleServer(config.console(), registry, audit::console);
            try {
                console.start();
            } catch (IOException e) {
                if (metricsServer != null) {
                    metricsServer.close();
                }
                throw new NodeException("console " + config.console().host() + ":" + config.console().port()
                        + " cannot be used: " + e.getMessage(), e);
            }
        }
        return new Operations(metricsServer, console);
    }

    Optional<Integer> consolePort() {
        return Optional.ofNullable(console).map(ConsoleServer::port);
    }

    Optional<Integer> metricsPort() {
        return Optional.ofNullable(metricsServer).map(MetricsServer::port);
    }

    /** The console first: no operator command runs against a node that is stopping. */
    @Override
    public void close() throws Exception {
        if (console != null) {
            console.close();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
    }
}
