package org.mtcgate.smpp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener from an SSLContext: the npm SME binds over TLS; a plain TCP client gets nothing served. */
class TsmsTlsTest {
    @TempDir
    Path dir;

    @Test
    void smeBindsOverTls() throws Exception {
        NodeSme.requireAvailable();
        Path store = dir.resolve("tsms.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "tsms", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=tsms.test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("tls.yaml", TsmsFixture.POLICY, ListSource.NONE), TimeSource.SYSTEM);
        SmeAccount sme = new SmeAccount("tracker", TestCredential.of("trk-pw"), List.of(AddressBlock.parse("127.0.0.1")),
                Set.of(BindKind.TRANSCEIVER), 10, List.of("4930123456"));
        try (TsmsServer server = TsmsServer.start(TsmsSettings.of(new InetSocketAddress("127.0.0.1", 0), tls, List.of(sme)),
                filter, m -> CompletableFuture.completedFuture(Optional.empty()),
                sm -> CompletableFuture.failedFuture(new IllegalStateException("not reached")), TsmsObserver.NONE,
                Clock.systemUTC(), TimeSource.SYSTEM)) {
            int port = server.localAddress().getPort();
            List<NodeSme.Event> events = NodeSme.run("{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"tls\":true,"
                    + "\"systemId\":\"tracker\",\"password\":\"trk-pw\",\"submits\":[]}");
            assertEquals(0, NodeSme.first(events, "bind").status(), events.toString());

            try (Socket plain = new Socket("127.0.0.1", port)) {
                plain.setSoTimeout(10_000);
                byte[] bind = java.nio.ByteBuffer.allocate(16).putInt(16).putInt(9).putInt(0).putInt(1).array();
                plain.getOutputStream().write(bind);
                int first = plain.getInputStream().read();
                assertTrue(first == -1 || first == 0x15, "no SMPP answer over plain TCP (a TLS alert at most): " + first);
            } catch (java.net.SocketException reset) {
                // closed by the TLS side: nothing served
            }
            assertEquals(1, server.counters().binds());
        }
    }
}
