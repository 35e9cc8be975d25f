package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.Message;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.jdiameter.client.impl.StackImpl;
import org.jdiameter.client.impl.helpers.XMLConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.TlsMode;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.filter.RequestStatus;

/**
 * jDiameter (its client stack) as an SCS over in-band TLS (RFC 6733 6.10: CER/CEA in clear with Inband-Security-Id TLS, then the
 * handshake with its client certificate) against an MTC-IWF whose listener is configured for in-band TLS. jDiameter's
 * classic TLS client cannot do TLS at connect, so this is how it reaches a node that requires TLS. The listener
 * refuses any Diameter message before the handshake, so an answered DAR proves the exchange ran inside TLS.
 */
class JDiameterInbandTlsScsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final long WAIT = 20;
    private static final ApplicationId TSP = ApplicationId.createByAuthAppId(VendorIds.TGPP, ApplicationIds.TSP);
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;
    private MtcIwfFixture iwf;
    private StackImpl jd;

    @AfterEach
    void stop() throws Exception {
        try {
            if (jd != null) {
                jd.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
                jd.destroy();
            }
        } finally {
            if (iwf != null) {
                iwf.close();
            }
        }
    }

    @Test
    void jdiameterScsSendsADarThroughInbandTls() throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.create("jdiameter inband CA", Duration.ofDays(1));
        iwf = MtcIwfFixture.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, LO))
                .listen(new InetSocketAddress(LO, 0), TlsMode.IN_BAND)
                .tls(ca.issue(MtcIwfFixture.MTC_IWF, Duration.ofDays(1)).tlsSettings(List.of(ca.certificate())))
                .peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test")).build(), List.of(MtcIwfFixture.SCS), true);

        IssuedCredential scs = ca.issue(MtcIwfFixture.SCS, Duration.ofDays(1));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("scs", scs.privateKey(), PASSWORD.toCharArray(), new Certificate[] {scs.certificate(), ca.certificate()});
        Path keystore = store(keys, "scs.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        Path truststore = store(trust, "trust.p12");

        jd = new StackImpl();
        jd.init(new XMLConfiguration(config(iwf.node.localAddress().getPort(), keystore, truststore)));
        CompletableFuture<Void> jdOpen = new CompletableFuture<>();
        List<org.jdiameter.api.Peer> jdPeers = jd.unwrap(org.jdiameter.api.PeerTable.class).getPeerTable();
        assertEquals(1, jdPeers.size());
        jdPeers.get(0).addPeerStateListener((from, to) -> {
            if (to == org.jdiameter.api.PeerState.OKAY) {
                jdOpen.complete(null);
            }
        });
        jd.start();
        if (jdPeers.get(0).getState(org.jdiameter.api.PeerState.class) == org.jdiameter.api.PeerState.OKAY) {
            jdOpen.complete(null);
        }
        jdOpen.get(WAIT, TimeUnit.SECONDS);
        iwf.node.whenPeerOpen(MtcIwfFixture.SCS).get(WAIT, TimeUnit.SECONDS);

        Session session = jd.getSessionFactory().getNewSession();
        Request dar = session.createRequest(CommandCodes.DEVICE_ACTION, TSP, MtcIwfFixture.MTC_IWF_REALM);
        dar.setProxiable(true); // jDiameter leaves the P bit clear; TS 29.368 marks DAR proxiable.
        AvpSet avps = dar.getAvps();
        avps.addAvp(Avp.AUTH_APPLICATION_ID, ApplicationIds.TSP, true, false, true);
        avps.addAvp(Avp.AUTH_SESSION_STATE, 1, true, false);
        AvpSet action = avps.addGroupedAvp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP, true, false);
        action.addAvp(AvpCodes.EXTERNAL_IDENTIFIER, MtcIwfFixture.UE_EXT_ID, VendorIds.TGPP, true, false, false);
        action.addAvp(AvpCodes.REFERENCE_NUMBER, 5151L, VendorIds.TGPP, true, false, true);
        action.addAvp(AvpCodes.ACTION_TYPE, 1, VendorIds.TGPP, true, false);
        AvpSet trigger = action.addGroupedAvp(AvpCodes.TRIGGER_DATA, VendorIds.TGPP, true, false);
        trigger.addAvp(AvpCodes.PAYLOAD, "wake-up".getBytes(StandardCharsets.US_ASCII), VendorIds.TGPP, true, false);

        Message daa = session.send(dar).get(WAIT, TimeUnit.SECONDS);
        assertEquals(2001L, daa.getAvps().getAvp(Avp.RESULT_CODE).getUnsigned32());
        AvpSet notification = daa.getAvps().getAvp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP).getGrouped();
        assertEquals(RequestStatus.SUCCESS.code(), notification.getAvp(AvpCodes.REQUEST_STATUS, VendorIds.TGPP).getInteger32());
        assertEquals(5151L, notification.getAvp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).getUnsigned32());
        assertEquals(1, iwf.smsc.submitted.size(), "the trigger went to the SMS-SC");
        assertEquals(0, iwf.node.counters().get(Counter.TLS_HANDSHAKE_FAILURES));
        assertEquals(0, iwf.node.counters().get(Counter.TLS_IDENTITY_MISMATCH));
        assertEquals(0, iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT));
        assertTrue(iwf.node.isPeerOpen(MtcIwfFixture.SCS));
    }

    private Path store(KeyStore ks, String name) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return p;
    }

    private static InputStream config(int iwfPort, Path keystore, Path truststore) throws Exception {
        try (InputStream in = JDiameterInbandTlsScsTest.class.getResourceAsStream("/jdiameter/scs-inband-tls-config.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${iwfPort}", Integer.toString(iwfPort))
                    .replace("${keystore}", keystore.toString()).replace("${truststore}", truststore.toString())
                    .replace("${password}", PASSWORD);
            return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        }
    }
}
