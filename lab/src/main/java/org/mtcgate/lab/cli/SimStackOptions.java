package org.mtcgate.lab.cli;

import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The one association of a sim to the node under test, and how long to wait for it. */
final class SimStackOptions {
    @Option(names = "--local", required = true, paramLabel = "HOST:PORT",
            description = "local address: bound source port (client) or listening port (server)")
    String local;

    @Option(names = "--remote", required = true, paramLabel = "HOST:PORT",
            description = "the node's address: its listening port (client) or its bound source port (server)")
    String remote;

    @Option(names = "--role",
            description = "M3UA IPSP side: client connects, server listens (default: server for smsc and ue, which are "
                    + "restarted often, client for hlr and msc). A TCP client binds a fixed source port, so the side "
                    + "that closes first cannot bind it again for about 60 s (TIME_WAIT): make short-lived sims servers.")
    AssociationRole role;

    @Option(names = "--pc", description = "own point code")
    Integer pointCode;

    @Option(names = "--remote-pc", defaultValue = "1", description = "the node's point code (default ${DEFAULT-VALUE})")
    int remotePointCode;

    @Option(names = "--gt", description = "own E.164 global title")
    String globalTitle;

    @Option(names = "--rc", defaultValue = "100", description = "M3UA routing context, as the node's peer entry (default ${DEFAULT-VALUE})")
    long routingContext;

    @Option(names = "--name", description = "stack name (jSS7 state goes to DATA-DIR/jss7-NAME)")
    String name;

    @Option(names = "--data-dir", defaultValue = "data", description = "where jSS7 keeps its state (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--invoke-timeout-ms", defaultValue = "30000", description = "MAP invoke timer (default ${DEFAULT-VALUE})")
    long invokeTimeoutMillis;

    @Option(names = "--delivery-threads", defaultValue = "0",
            description = "M3UA delivery threads, 0 = jSS7's default (twice the cores) (default ${DEFAULT-VALUE})")
    int deliveryThreads;

    @Option(names = "--connect-timeout", defaultValue = "60", description = "seconds to wait for the association (default ${DEFAULT-VALUE})")
    int connectSeconds;

    Ss7StackConfig config(AssociationRole defaultRole, String defaultName, int defaultPc, String defaultGt,
                          List<Integer> localSsns, List<Integer> remoteSsns) {
        if (role == null) {
            role = defaultRole;
        }
        HostPort l = HostPort.parse(local);
        HostPort r = HostPort.parse(remote);
        return Ss7StackConfig.builder().name(name != null ? name : defaultName).dataDir(dataDir).role(role)
                .local(l.host(), l.port()).remote(r.host(), r.port())
                .pointCodes(pointCode != null ? pointCode : defaultPc, remotePointCode).routingContext(routingContext)
                .localSsns(localSsns.toArray(Integer[]::new)).remoteSsns(remoteSsns.toArray(Integer[]::new))
                .localGlobalTitle(globalTitle != null ? globalTitle : defaultGt)
                .timeouts(invokeTimeoutMillis, 2 * invokeTimeoutMillis).deliveryThreads(deliveryThreads).build();
    }

    /**
     * Connects {@code stack}, says so ({@code heading}, then the association) and waits for it; false (after saying
     * so, as {@code who}) when it did not come up in time.
     */
    boolean connect(Ss7Stack stack, Ss7StackConfig config, SimLines out, String heading, String who) throws Exception {
        stack.connect();
        out.line(heading + ": " + config.peers().get(0).role() + " " + local + " <-> " + remote);
        return awaitActive(stack, out, who);
    }

    /** Waits for the association; false (after saying so) when it did not come up in time. */
    boolean awaitActive(Ss7Stack stack, SimLines out, String who) throws InterruptedException {
        try {
            stack.active().get(connectSeconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            out.line(who + ": FAILED: no M3UA association to " + remote + " within " + connectSeconds + " s");
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            out.line(who + ": FAILED: " + e.getCause());
            return false;
        }
    }

    /** Closes {@code stack} on Ctrl-C (SIGINT/SIGTERM) and waits until then. */
    static void runUntilStopped(Ss7Stack stack, Runnable beforeClose) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                beforeClose.run();
            } finally {
                stack.close();
                stopped.countDown();
            }
        }, "mtcgate-sim-shutdown"));
        stopped.await();
    }
}
