package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator console: an SSH server (Apache MINA SSHD) whose only services are an interactive shell running the
 * console's commands and the same commands one at a time through exec ({@code ssh lab@node show stats}), for
 * scripts. No subsystems (SFTP, SCP), no port forwarding, no agent forwarding.
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
    private final HostKeyProvider hostKey;
    private final ExecutorService shells;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeShells = new AtomicInteger();

    public ConsoleServer(ConsoleConfig config, ConsoleCommands commands, ConsoleAuditor auditor) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = new CommandDispatcher(commands, auditor);
        this.shells = Executors.newCachedThreadPool(shellThreads());
        this.sshd = SshServer.setUpDefaultServer();
        this.hostKey = new HostKeyProvider(config.hostKeyFile());
        configure();
    }

    private void configure() {
        sshd.setHost(config.host());
        sshd.setPort(config.port());
        hostKey.setAlgorithm(org.apache.sshd.common.config.keys.KeyUtils.EC_ALGORITHM);
        hostKey.setKeySize(256);
        hostKey.setStrictFilePermissions(true);
        hostKey.setOverwriteAllowed(false);
        sshd.setKeyPairProvider(hostKey);
        ConsoleAuthenticator auth = new ConsoleAuthenticator(config.users(), new SecureRandom());
        sshd.setPasswordAuthenticator(auth);
        sshd.setPublickeyAuthenticator(auth);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setShellFactory(channel -> new ConsoleShell(dispatcher, shells, activeShells, config.maxSessions()));
        sshd.setCommandFactory((channel, line) -> new ConsoleExec(line, dispatcher, shells));
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, config.idleTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, AUTH_TIMEOUT);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, MAX_AUTH_REQUESTS);
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 2);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "mtcgate");
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                // counts connections before login too, which bounds the PBKDF2 work a password flood can cause;
                // the price is that such a flood can hold the slots for up to AUTH_TIMEOUT
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

    /** Generates the host key on first use (or reads it), then listens. On failure, releases what it took. */
    public void start() throws IOException {
        try {
            Files.createDirectories(config.dataDir());
            // read or generate the key now, so that a damaged key file fails the start rather than the first login
            hostKey.checkExisting();
            List<KeyPair> keys = hostKey.loadKeys(null);
            if (keys.isEmpty()) {
                throw new IOException("console host key " + config.hostKeyFile() + " could not be made");
            }
            sshd.start();
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
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

    /**
     * SSHD's generating key provider, except that a key file that exists but cannot be read is an error: SSHD
     * would log it and serve a new key, unsaved, so clients would see a different host key after each restart.
     */
    private static final class HostKeyProvider extends SimpleGeneratorHostKeyProvider {
        HostKeyProvider(Path file) {
            super(file);
        }

        void checkExisting() throws IOException {
            Path file = getPath();
            if (!Files.exists(file)) {
                return;
            }
            try {
                Iterable<KeyPair> keys = loadFromFile(null, getAlgorithm(), file);
                if (keys == null || !keys.iterator().hasNext()) {
                    throw new IOException("console host key " + file + " holds no " + getAlgorithm() + " key");
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IOException("console host key " + file + " is unusable: " + e.getMessage(), e);
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
