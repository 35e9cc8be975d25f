package org.mtcgate.core.console;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A test's SSH login to the console with MINA SSHD's own client: sends lines and waits, with a timeout, until the
 * output shows the prompt again. No sleeps: a reader thread appends output and wakes the waiting test.
 */
public final class ConsoleClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PROMPT = ConsoleShell.PROMPT;

    private final ClientSession session;
    private final ChannelShell channel;
    private final OutputStream toServer;
    private final StringBuilder output = new StringBuilder();
    private int mark;

    private ConsoleClient(ClientSession session, String ptyType) throws IOException {
        this.session = session;
        this.channel = session.createShellChannel();
        channel.setPtyType(ptyType);
        channel.open().verify(TIMEOUT);
        this.toServer = channel.getInvertedIn();
        InputStream fromServer = channel.getInvertedOut();
        Thread reader = new Thread(() -> pump(fromServer), "test-console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static ClientSession login(SshClient client, int port, String user) throws IOException {
        return client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession();
    }

    public static ConsoleClient withPassword(SshClient client, int port, String user, String password) throws IOException {
        return withPassword(client, port, user, password, "dumb");
    }

    /** A password login with a terminal of the given type ({@code dumb} keeps the output free of escapes). */
    static ConsoleClient withPassword(SshClient client, int port, String user, String password, String ptyType)
            throws IOException {
        ClientSession s = login(client, port, user);
        s.addPasswordIdentity(password);
        s.auth().verify(TIMEOUT);
        return new ConsoleClient(s, ptyType);
    }

    static ConsoleClient withKey(SshClient client, int port, String user, KeyPair key) throws IOException {
        ClientSession s = login(client, port, user);
        s.addPublicKeyIdentity(key);
        s.auth().verify(TIMEOUT);
        return new ConsoleClient(s, "dumb");
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (this) {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // channel closed
        } finally {
            synchronized (this) {
                output.append("\u0000EOF");
                notifyAll();
            }
        }
    }

    /** Waits for the first prompt; returns the banner. */
    public String awaitPrompt() throws Exception {
        return awaitSinceMark(s -> s.endsWith(PROMPT));
    }

    /**
     * Types a line and returns what the console wrote in answer, without the echoed line and the next prompt,
     * carriage returns removed.
     */
    public String run(String line) throws Exception {
        send(line + "\r");
        String answer = awaitSinceMark(s -> s.contains("\n") && s.endsWith(PROMPT)).replace("\r", "");
        answer = answer.substring(answer.indexOf('\n') + 1);
        return answer.substring(0, answer.length() - PROMPT.length());
    }

    public void send(String keys) throws IOException {
        toServer.write(keys.getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    /** Waits until the output since the last mark satisfies the condition, returns it and moves the mark. */
    public synchronized String awaitSinceMark(Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String since = output.substring(mark);
            if (done.test(since)) {
                mark = output.length();
                return since;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || since.endsWith("\u0000EOF")) {
                throw new TimeoutException("console output so far: " + since.replace("\u0000EOF", "<EOF>"));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the server closes the channel. */
    String awaitClose() throws Exception {
        return awaitSinceMark(s -> s.endsWith("\u0000EOF"));
    }

    @Override
    public void close() throws IOException {
        channel.close(true);
        session.close(true);
    }
}
