package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;

/** Realm routing, Destination-Host routing, failover with the T bit, and connection election. */
class RoutingAndElectionTest {
    private static final String CLIENT = "scs1.example.test";
    private final List<DiameterNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    private DiameterNode server(String host, DiameterRequestHandler handler) throws Exception {
        DiameterNode n = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(host, "operator.test"))
                .listen(TestPeers.ephemeral()).insecureLab(true).peer(PeerConfig.accepting(CLIENT, "example.test")).build())
                .registerHandler(ApplicationIds.TSP, handler).start();
        nodes.add(n);
        return n;
    }

    private DiameterNode client(DiameterNode... servers) throws Exception {
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test")).insecureLab(true);
        for (DiameterNode s : servers) {
            b.peer(PeerConfig.connecting(s.config().identity().originHost(), "operator.test", s.localAddress()));
        }
        DiameterNode c = new DiameterNode(b.build()).supportApplication(ApplicationIds.TSP).start();
        nodes.add(c);
        for (DiameterNode s : servers) {
            c.whenPeerOpen(s.config().identity().originHost()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return c;
    }

    @Test
    void realmRoutingUsesEveryPeerOfTheRealmAndDestinationHostPinsOne() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        DiameterNode sa = server("a.operator.test", TestPeers.echoHandler(a));
        DiameterNode sb = server("b.operator.test", TestPeers.echoHandler(b));
        DiameterNode c = client(sa, sb);
        for (int i = 0; i < 10; i++) {
            assertEquals(2001, TestPeers.resultCode(c.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", i))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        }
        assertEquals(10, a.get() + b.get());
        assertTrue(a.get() > 0 && b.get() > 0, "both peers of the realm used: " + a + "/" + b);
        int before = b.get();
        for (int i = 0; i < 5; i++) {
            DiameterMessage r = TestPeers.dar(CLIENT, "example.test", "operator.test", i).toBuilder()
                    .avp(BaseAvps.destinationHost("b.operator.test")).build();
            DiameterMessage answer = c.sendRequest(r).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("b.operator.test", answer.avp(AvpCodes.ORIGIN_HOST).orElseThrow().text());
        }
        assertEquals(before + 5, b.get());
    }

    @Test
    void requestPendingOnAFailedPeerIsRetransmittedWithTheTBit() throws Exception {
        AtomicBoolean firstHeld = new AtomicBoolean();
        AtomicReference<DiameterNode> holder = new AtomicReference<>();
        CountDownLatch held = new CountDownLatch(1);
        AtomicReference<DiameterMessage> retransmitted = new AtomicReference<>();
        DiameterNode[] servers = new DiameterNode[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            servers[i] = server((i == 0 ? "a" : "b") + ".operator.test", (request, ctx) -> {
                if (firstHeld.compareAndSet(false, true)) {
                    holder.set(servers[me]);
                    held.countDown();
                    return new CompletableFuture<>(); // never answered: this peer is about to fail
                }
                retransmitted.set(request);
                return TestPeers.echoHandler(new AtomicInteger()).handle(request, ctx);
            });
        }
        DiameterNode c = client(servers);
        CompletableFuture<DiameterMessage> answer = c.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 42));
        assertTrue(held.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        holder.get().close(); // DPR, then the connection closes with the request still pending
        DiameterMessage a = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(a));
        assertTrue(retransmitted.get().isRetransmit(), "failover copy carries the T bit (RFC 6733 5.5.4)");
    }

    @Test
    void peersThatConnectToEachOtherKeepOneConnectionAndServeBothWays() throws Exception {
        AtomicInteger callsA = new AtomicInteger();
        AtomicInteger callsB = new AtomicInteger();
        DiameterNode[] ab = crossConnectedPair(callsA, callsB);
        DiameterNode a = ab[0];
        DiameterNode b = ab[1];
        a.whenPeerOpen("node-b.test").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        b.whenPeerOpen("node-a.test").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(a.sendRequest(TestPeers.dar("node-a.test", "a.test", "b.test", 1))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        assertEquals(2001, TestPeers.resultCode(b.sendRequest(TestPeers.dar("node-b.test", "b.test", "a.test", 2))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        assertEquals(1, callsA.get());
        assertEquals(1, callsB.get());
    }

    /**
     * Two nodes that each dial the other. Each must know the other's port before it starts, so the
     * ports are chosen free and released first; should another socket take one meanwhile, try again.
     */
    private DiameterNode[] crossConnectedPair(AtomicInteger callsA, AtomicInteger callsB) throws Exception {
        for (int attempt = 1; ; attempt++) {
            InetSocketAddress addrA = freeAddress();
            InetSocketAddress addrB = freeAddress();
            DiameterNode a = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity("node-a.test", "a.test"))
                    .listen(addrA).insecureLab(true).reconnect(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200))
                    .peer(PeerConfig.connecting("node-b.test", "b.test", addrB)).build())
                    .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(callsA));
            DiameterNode b = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity("node-b.test", "b.test"))
                    .listen(addrB).insecureLab(true).reconnect(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200))
                    .peer(PeerConfig.connecting("node-a.test", "a.test", addrA)).build())
                    .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(callsB));
            nodes.add(a);
            nodes.add(b);
            try {
                a.start();
                b.start();
                return new DiameterNode[] {a, b};
            } catch (Exception e) {
                // Netty rethrows the BindException undeclared.
                if (!(e instanceof java.net.BindException) || attempt == 3) {
                    throw e;
                }
                a.close();
                b.close();
            }
        }
    }

    /**
     * RFC 6733 5.6.4 with a raw peer playing the other node: the node holds an open initiator
     * connection to it, then the peer connects the other way. The connection initiated by the
     * higher Origin-Host survives.
     */
    @Test
    void electionKeepsTheConnectionInitiatedByTheHigherOriginHost() throws Exception {
        assertElection("node-a.test", "node-b.test", true);
        assertElection("node-z.test", "node-b.test", false);
    }

    private void assertElection(String local, String remote, boolean responderWins) throws Exception {
        try (ServerSocket remoteListener = new ServerSocket(0, 1, TestPeers.LOOPBACK)) {
            remoteListener.setSoTimeout((int) WAIT.toMillis());
            DiameterNode n = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(local, "a.test"))
                    .listen(TestPeers.ephemeral()).insecureLab(true)
                    .peer(PeerConfig.connecting(remote, "b.test",
                            new InetSocketAddress(TestPeers.LOOPBACK, remoteListener.getLocalPort()))).build())
                    .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(new AtomicInteger())).start();
            nodes.add(n);
            try (RawPeer initiated = new RawPeer(remoteListener.accept(), WAIT)) {
                DiameterMessage cer = initiated.read();
                initiated.send(DiameterMessage.answerTo(cer).avp(BaseAvps.resultCode(2001))
                        .avps(RawPeer.cer(remote, "b.test").avps()).build());
                n.whenPeerOpen(remote).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                try (RawPeer responder = new RawPeer(n.localAddress(), java.time.Duration.ofSeconds(5))) {
                    responder.send(RawPeer.cer(remote, "b.test"));
                    if (responderWins) {
                        assertEquals(2001, TestPeers.resultCode(responder.read()));
                        assertTrue(initiated.closedByServer(), "the node dropped its own initiator connection");
                    } else {
                        assertTrue(responder.closedByServer(), "the node refused the responder connection");
                        assertEquals(1, n.counters().get(Counter.ELECTIONS_LOST));
                        assertTrue(n.isPeerOpen(remote));
                    }
                }
            }
        }
    }

    private static InetSocketAddress freeAddress() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, TestPeers.LOOPBACK)) {
            return new InetSocketAddress(TestPeers.LOOPBACK, s.getLocalPort());
        }
    }
}
