package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/** Two mtcgate nodes over plain TCP on loopback: CER/CEA, requests, DWR/DWA, DPR/DPA, reconnect. */
class PeerLifecycleTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String CLIENT = "scs1.example.test";
    private DiameterNode server;
    private DiameterNode client;
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private DiameterNode startServer(Duration tw, DiameterRequestHandler handler, InetSocketAddress listen) throws Exception {
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(listen).insecureLab(true).watchdogInterval(tw)
                .peer(PeerConfig.accepting(CLIENT, "example.test")).build())
                .registerHandler(ApplicationIds.TSP, handler).start();
        return server;
    }

    private DiameterNode startClient(InetSocketAddress serverAddress, Duration requestTimeout) throws Exception {
        client = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test"))
                .insecureLab(true).requestTimeout(requestTimeout).reconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .peer(PeerConfig.connecting(SERVER, "operator.test", serverAddress)).build())
                .supportApplication(ApplicationIds.TSP).start();
        client.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    @Test
    void capabilitiesExchangeThenDeviceActionAnswered() throws Exception {
        startServer(Duration.ofSeconds(30), TestPeers.echoHandler(calls), TestPeers.ephemeral());
        startClient(server.localAddress(), WAIT);
        server.whenPeerOpen(CLIENT).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        DiameterMessage answer = client.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 77))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(answer));
        assertEquals(SERVER, answer.avp(AvpCodes.ORIGIN_HOST).orElseThrow().text());
        assertTrue(answer.isProxiable(), "answer keeps the P bit of the request");
        long ref = answer.avp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP).orElseThrow().groupedAvps().stream()
                .filter(a -> a.code() == AvpCodes.REFERENCE_NUMBER).findFirst().orElseThrow().unsigned32();
        assertEquals(77, ref);
        assertEquals(1, calls.get());
    }

    @Test
    void watchdogExchangesDwrAndDwa() throws Exception {
        startServer(Duration.ofMillis(200), TestPeers.echoHandler(calls), TestPeers.ephemeral());
        CounterLatch dwas = CounterLatch.on(server, Counter.DWA_RECEIVED, 3);
        startClient(server.localAddress(), WAIT);
        assertTrue(dwas.await(WAIT), "server received DWAs for its DWRs");
        assertTrue(server.isPeerOpen(CLIENT));
        assertEquals(0, server.counters().get(Counter.WATCHDOG_TIMEOUTS));
    }

    @Test
    void clientStopSendsDprAndServerDropsThePeer() throws Exception {
        startServer(Duration.ofSeconds(30), TestPeers.echoHandler(calls), TestPeers.ephemeral());
        CounterLatch dpr = CounterLatch.on(server, Counter.DPR_RECEIVED, 1);
        CounterLatch closed = CounterLatch.on(server, Counter.CONNECTIONS_CLOSED, 1);
        startClient(server.localAddress(), WAIT);
        server.whenPeerOpen(CLIENT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CounterLatch dpa = CounterLatch.on(client, Counter.DPA_RECEIVED, 1);
        client.close();
        assertTrue(dpr.await(WAIT));
        assertTrue(dpa.await(WAIT));
        assertTrue(closed.await(WAIT));
        assertFalse(server.isPeerOpen(CLIENT));
        client = null;
    }

    @Test
    void requestWithoutAnswerTimesOut() throws Exception {
        startServer(Duration.ofSeconds(30), (r, c) -> new CompletableFuture<>(), TestPeers.ephemeral());
        startClient(server.localAddress(), Duration.ofMillis(300));
        ExecutionException e = assertThrows(ExecutionException.class, () -> client
                .sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 1)).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        DiameterRequestException dre = assertInstanceOf(DiameterRequestException.class, e.getCause());
        assertEquals(DiameterRequestException.Reason.TIMEOUT, dre.reason());
        assertEquals(1, client.counters().get(Counter.REQUEST_TIMEOUTS));
    }

    @Test
    void requestToUnknownRealmFailsWithNoRoute() throws Exception {
        startServer(Duration.ofSeconds(30), TestPeers.echoHandler(calls), TestPeers.ephemeral());
        startClient(server.localAddress(), WAIT);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client
                .sendRequest(TestPeers.dar(CLIENT, "example.test", "nowhere.test", 1)).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(DiameterRequestException.Reason.NO_ROUTE, ((DiameterRequestException) e.getCause()).reason());
    }

    @Test
    void handlerFailureBecomesUnableToComply() throws Exception {
        startServer(Duration.ofSeconds(30), (r, c) -> CompletableFuture.failedFuture(new IllegalStateException("boom")),
                TestPeers.ephemeral());
        startClient(server.localAddress(), WAIT);
        DiameterMessage answer = client.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 1))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(5012, TestPeers.resultCode(answer));
    }

    @Test
    void clientKeepsRetryingUntilTheServerAppears() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, TestPeers.LOOPBACK)) {
            port = probe.getLocalPort();
        }
        InetSocketAddress address = new InetSocketAddress(TestPeers.LOOPBACK, port);
        client = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test"))
                .insecureLab(true).reconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .peer(PeerConfig.connecting(SERVER, "operator.test", address)).build())
                .supportApplication(ApplicationIds.TSP).start();
        CompletableFuture<Void> open = client.whenPeerOpen(SERVER);
        assertFalse(open.isDone());
        startServer(Duration.ofSeconds(30), TestPeers.echoHandler(calls), address);
        open.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        DiameterMessage answer = client.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 5))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(answer));
    }
}
