package org.mtcgate.core.console;

import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * What a console command on an SSH channel (an interactive shell or a single command) holds alike: the channel's
 * output and exit callback, and its start off the SSH I/O thread. The error stream stays unused: console errors are
 * lines starting with '%' on the output, in a shell and for a single command alike.
 */
abstract class ConsoleChannelCommand implements Command {
    private OutputStream out;
    private ExitCallback exitCallback;

    @Override
    public final void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        // see the class comment
    }

    @Override
    public final void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    final OutputStream out() {
        return out;
    }

    final ExitCallback exitCallback() {
        return exitCallback;
    }

    /**
     * Runs {@code session} with the channel's user and remote address on {@code executor}, off the SSH I/O thread (a
     * command may take a while: policy reload, write config); false when the executor refuses, as the server is closing.
     */
    static boolean runOff(ChannelSession channel, ExecutorService executor, BiConsumer<String, String> session) {
        String user = channel.getSession().getUsername();
        String remote = String.valueOf(channel.getSession().getClientAddress());
        try {
            executor.execute(() -> session.accept(user, remote));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
