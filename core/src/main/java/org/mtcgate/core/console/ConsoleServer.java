package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator console: an SSH server (Apache MINA SSHD) whose only service is an interactive shell running the
 * console's commands. No exec, no subsystems (SFTP, SCP), no port forwarding, no agent forwarding.
 *
 * <pre>{@code
 * ConsoleCommands commands = new ConsoleCommands(version);
 * commands.register(ConsoleCommand.of("policy reload", "Reload the policy", handler).changingState());
 * ConsoleServer console = new ConsoleServer(config, commands, auditLog::console);
 * console.start();            // console.port() is the bound port
 * ...
 * console.close();
 * }</pre>
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ConsoleServer.class);
    /** Password and key attempts allowed per connection. */
    private static final int MAX_AUTH_REQUESTS = 6;
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ConsoleConfig config;
    private final CommandDispatcher dispatcher;
    private final SshServer sshd;
    private final ExecutorService shells;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeShells = new AtomicInteger();

    public ConsoleServer(ConsoleConfig config, ConsoleCommands commands, ConsoleAuditor auditor) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = new CommandDispatcher(commands, auditor);
        this.shells = Executors.newCachedThreadPool(shellThreads());
        this.sshd = SshServer.setUpDefaultServer();
        configure();
    }

    private void configure() {
        sshd.setHost(config.host());
        sshd.setPort(config.port());
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(config.hostKeyFile());
        hostKey.setAlgorithm(org.apache.sshd.common.config.keys.KeyUtils.EC_ALGORITHM);
        hostKey.setKeySize(256);
        hostKey.setStrictFilePermissions(true);
        sshd.setKeyPairProvider(hostKey);
        ConsoleAuthenticator auth = new ConsoleAuthenticator(config.users(), new SecureRandom());
        sshd.setPasswordAuthenticator(auth);
        sshd.setPublickeyAuthenticator(auth);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setShellFactory(channel -> new ConsoleShell(dispatcher, shells, activeShells, config.maxSessions()));
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, config.idleTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, AUTH_TIMEOUT);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, MAX_AUTH_REQUESTS);
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 2);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "mtcgate");
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.add(session);
                if (sessions.size() > config.maxSessions()) {
                    LOG.warn("console connection from {} refused: {} sessions already open",
                            session.getRemoteAddress(), config.maxSessions());
                    session.close(true);
                }
            }

            @Override
            public void sessionClosed(Session session) {
                sessions.remove(session);
            }
        });
    }

    /** Generates the host key on first use, then listens. */
    public void start() throws IOException {
        Files.createDirectories(config.dataDir());
        try {
            ((KeyPairProvider) sshd.getKeyPairProvider()).loadKeys(null); // a broken key file fails here, not at first login
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("console host key " + config.hostKeyFile() + " is unusable: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sshd.start();
        LOG.info("console listening on {}:{} for {} users", config.host(), port(), config.users().size());
    }

    /** The bound port; with port 0 configured, the one the system picked. */
    public int port() {
        return sshd.getPort();
    }

    /** The address the server listens on. */
    public SocketAddress boundAddress() {
        return new InetSocketAddress(config.host(), port());
    }

    /** Connections open now, logged in or not. */
    public int openSessions() {
        return sessions.size();
    }

    /** Closes every session and stops listening. */
    @Override
    public void close() throws IOException {
        try {
            sshd.stop(false);
        } finally {
            shells.shutdownNow();
            try {
                if (!shells.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("console sessions still running {} after close", CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory shellThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "console-session-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
