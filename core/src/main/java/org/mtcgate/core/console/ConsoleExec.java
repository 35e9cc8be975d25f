package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * One console command given on the ssh command line ({@code ssh -p 2222 lab@node show stats}): it runs through the
 * same dispatcher, audit and rules as in a shell, prints plain lines and ends with exit status 0, or 1 when the
 * command failed, so scripts can drive the console.
 */
final class ConsoleExec extends ConsoleChannelCommand {
    private static final Logger LOG = LogManager.getLogger(ConsoleExec.class);

    private final String line;
    private final CommandDispatcher dispatcher;
    private final ExecutorService executor;

    ConsoleExec(String line, CommandDispatcher dispatcher, ExecutorService executor) {
        this.line = line;
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        // a single command reads nothing
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        if (!runOff(channel, executor, this::run)) {
            exitCallback().onExit(1, "the console is shutting down");
        }
    }

    private void run(String user, String remote) {
        boolean ok = false;
        try {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out(), StandardCharsets.UTF_8), false);
            ok = dispatcher.execute(new ConsoleSession(user, remote, writer, false), line);
            writer.flush();
        } catch (RuntimeException e) {
            LOG.warn("console command of {} from {} failed: {}", user, remote, e.toString());
        } finally {
            exitCallback().onExit(ok ? 0 : 1);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing held beyond the command's own run
    }
}
