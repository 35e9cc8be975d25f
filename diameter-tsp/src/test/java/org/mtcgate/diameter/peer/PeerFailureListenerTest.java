package org.mtcgate.diameter.peer;

import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node dialling a configured peer hears why each attempt failed. */
class PeerFailureListenerTest {
    static final String SERVER = "mtc-iwf.operator.test";
    static final String CLIENT = "scs-unknown.example.test";

    @Test
    void aCeaRefusalIsReportedWithItsResultCodeAndErrorMessage() throws Exception {
        DiameterNode server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).insecureLab(true).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(new AtomicInteger())).start();
        LinkedBlockingQueue<PeerFailure> failures = new LinkedBlockingQueue<>();
        DiameterNode client = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test")).insecureLab(true)
                .peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                .supportApplication(ApplicationIds.TSP).peerFailureListener(failures::add).start();
        try {
            PeerFailure f = failures.poll(TestPeers.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(f, "the refusal was reported");
            assertEquals(SERVER, f.host());
            assertEquals(PeerFailure.Kind.REFUSED, f.kind());
            assertEquals(3010, f.resultCode());
            assertTrue(!f.detail().isBlank() && !f.detail().contains("no Error-Message"), f.detail());
        } finally {
            client.close();
            server.close();
        }
    }

    @Test
    void aRefusedConnectionIsReported() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket s = new ServerSocket(0, 1, TestPeers.LOOPBACK)) {
            nobody = new InetSocketAddress(TestPeers.LOOPBACK, s.getLocalPort());
        }
        LinkedBlockingQueue<PeerFailure> failures = new LinkedBlockingQueue<>();
        DiameterNode client = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test")).insecureLab(true)
                .peer(PeerConfig.connecting(SERVER, "operator.test", nobody)).build())
                .supportApplication(ApplicationIds.TSP).peerFailureListener(failures::add).start();
        try {
            PeerFailure f = failures.poll(TestPeers.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(f);
            assertEquals(PeerFailure.Kind.CONNECT, f.kind());
            assertInstanceOf(ConnectException.class, f.cause(), String.valueOf(f.cause()));
        } finally {
            client.close();
        }
    }
}
