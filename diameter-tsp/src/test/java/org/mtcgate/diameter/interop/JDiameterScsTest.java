package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdiameter.api.Answer;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.Message;
import org.jdiameter.api.Network;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.jdiameter.server.impl.StackImpl;
import org.jdiameter.server.impl.helpers.XMLConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.TriggerId;

/**
 * jDiameter 1.7.1 as an independent SCS against the real MTC-IWF (MtcIwfTspApplication + device triggering):
 * it connects (TCP, insecure lab: jDiameter cannot do mutual TLS as this node requires), sends DARs built with its
 * own encoder, gets SUCCESS for a UE it may trigger and NOTAUTHORIZED for one it may not, and, acting as the server
 * of the Device-Notification, receives and answers the DNR with the delivery report.
 */
class JDiameterScsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final long WAIT = 20;
    private static final ApplicationId TSP = ApplicationId.createByAuthAppId(VendorIds.TGPP, ApplicationIds.TSP);

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
    void jdiameterScsTriggersAndReceivesTheDeliveryReport() throws Exception {
        iwf = MtcIwfFixture.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, LO))
                .listen(new InetSocketAddress(LO, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test")).build(), List.of(MtcIwfFixture.SCS), true);
        CounterWait dpr = CounterWait.on(iwf.node.counters(), Counter.DPR_RECEIVED, 1);

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LO)) {
            port = probe.getLocalPort();
        }
        jd = new StackImpl();
        jd.init(new XMLConfiguration(config(port, iwf.node.localAddress().getPort())));
        LinkedBlockingQueue<Request> dnrs = new LinkedBlockingQueue<>();
        // A DNR as TS 29.368 writes it has Auth-Application-Id, no Vendor-Specific-Application-Id: jDiameter
        // dispatches it under vendor 0, so the SCS listens there as well.
        jd.unwrap(Network.class).addNetworkReqListener(request -> {
            dnrs.add(request);
            Answer answer = request.createAnswer(2001);
            // jDiameter's createAnswer leaves out Origin-Host/Realm (stack-notes): add them.
            answer.getAvps().addAvp(Avp.ORIGIN_HOST, MtcIwfFixture.SCS, true, false, true);
            answer.getAvps().addAvp(Avp.ORIGIN_REALM, "utility.test", true, false, true);
            answer.getAvps().addAvp(Avp.AUTH_SESSION_STATE, 1, true, false);
            return answer;
        }, TSP, ApplicationId.createByAuthAppId(0, ApplicationIds.TSP));
        // Our side is OPEN once it sent the CEA; jDiameter routes only after it read it: wait for its own state.
        java.util.concurrent.CompletableFuture<Void> jdOpen = new java.util.concurrent.CompletableFuture<>();
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

        Message ok = send(dar(4242, MtcIwfFixture.UE_EXT_ID));
        assertEquals(2001L, ok.getAvps().getAvp(Avp.RESULT_CODE).getUnsigned32());
        assertEquals(MtcIwfFixture.MTC_IWF, ok.getAvps().getAvp(Avp.ORIGIN_HOST).getDiameterIdentity());
        AvpSet okNotification = ok.getAvps().getAvp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP).getGrouped();
        assertEquals(RequestStatus.SUCCESS.code(), okNotification.getAvp(AvpCodes.REQUEST_STATUS, VendorIds.TGPP).getInteger32());
        assertEquals(4242L, okNotification.getAvp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).getUnsigned32());
        assertEquals(1L, ok.getAvps().getAvp(AvpCodes.FEATURE_SUPPORTED_IN_FINAL_TARGET, VendorIds.TGPP).getUnsigned32());
        assertEquals(1, iwf.smsc.submitted.size(), "the trigger went to the SMS-SC");
        assertEquals(9200, iwf.smsc.submitted.get(0).applicationPort());

        Message refused = send(dar(4243, MtcIwfFixture.OTHER_UE_EXT_ID));
        assertEquals(2001L, refused.getAvps().getAvp(Avp.RESULT_CODE).getUnsigned32());
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), refused.getAvps().getAvp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP)
                .getGrouped().getAvp(AvpCodes.REQUEST_STATUS, VendorIds.TGPP).getInteger32());
        assertEquals(1, iwf.smsc.submitted.size(), "nothing submitted for the refused trigger");

        assertTrue(iwf.triggering.onDeliveryReport(new TriggerId(MtcIwfFixture.SCS, 4242), DeliveryOutcome.SUCCESS)
                .toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        Request dnr = dnrs.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(dnr, "jDiameter received the DNR");
        assertEquals(CommandCodes.DEVICE_NOTIFICATION, dnr.getCommandCode());
        assertTrue(dnr.isProxiable(), "DNR carries the P bit");
        assertEquals(MtcIwfFixture.SCS, dnr.getAvps().getAvp(Avp.DESTINATION_HOST).getDiameterIdentity());
        AvpSet report = dnr.getAvps().getAvp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP).getGrouped();
        assertEquals(4242L, report.getAvp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).getUnsigned32());
        assertEquals(DeliveryOutcome.SUCCESS.code(), report.getAvp(AvpCodes.DELIVERY_OUTCOME, VendorIds.TGPP).getInteger32());
        assertEquals(2L, report.getAvp(AvpCodes.ACTION_TYPE, VendorIds.TGPP).getInteger32(), "Action-Type Delivery Report");
        assertEquals(2001L, iwf.dnaResults.poll(WAIT, TimeUnit.SECONDS).get(WAIT, TimeUnit.SECONDS),
                "the MTC-IWF got jDiameter's DNA");
        assertEquals(0, iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT));

        jd.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
        assertTrue(dpr.await(java.time.Duration.ofSeconds(WAIT)), "jDiameter sent DPR on stop");
    }

    private Message send(Request dar) throws Exception {
        Session session = jd.getSessionFactory().getNewSession();
        return session.send(dar).get(WAIT, TimeUnit.SECONDS);
    }

    /** A DAR written by jDiameter's own encoder (TS 29.368 6.2.2), every optional Device-Action AVP but MSISDN. */
    private Request dar(long reference, String externalId) throws Exception {
        Session session = jd.getSessionFactory().getNewSession();
        Request dar = session.createRequest(CommandCodes.DEVICE_ACTION, TSP, MtcIwfFixture.MTC_IWF_REALM);
        dar.setProxiable(true); // jDiameter leaves the P bit clear; TS 29.368 marks DAR proxiable.
        AvpSet avps = dar.getAvps();
        // TS 29.368 6.2.2 {Auth-Application-Id}: jDiameter's createRequest writes only Vendor-Specific-Application-Id.
        avps.addAvp(Avp.AUTH_APPLICATION_ID, org.mtcgate.diameter.dictionary.ApplicationIds.TSP, true, false, true);
        avps.addAvp(Avp.AUTH_SESSION_STATE, 1, true, false);
        AvpSet action = avps.addGroupedAvp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP, true, false);
        action.addAvp(AvpCodes.EXTERNAL_IDENTIFIER, externalId, VendorIds.TGPP, true, false, false);
        action.addAvp(AvpCodes.SCS_IDENTITY, MtcIwfFixture.SCS, VendorIds.TGPP, true, false, true);
        // addAvp(code, long, ...) writes Integer64 unless asked for Unsigned32 (stack-notes).
        action.addAvp(AvpCodes.REFERENCE_NUMBER, reference, VendorIds.TGPP, true, false, true);
        action.addAvp(AvpCodes.ACTION_TYPE, 1, VendorIds.TGPP, true, false);
        AvpSet trigger = action.addGroupedAvp(AvpCodes.TRIGGER_DATA, VendorIds.TGPP, true, false);
        trigger.addAvp(AvpCodes.PAYLOAD, "wake-up".getBytes(StandardCharsets.US_ASCII), VendorIds.TGPP, true, false);
        trigger.addAvp(AvpCodes.PRIORITY_INDICATION, 0, VendorIds.TGPP, true, false);
        trigger.addAvp(AvpCodes.APPLICATION_PORT_IDENTIFIER, 9200L, VendorIds.TGPP, true, false, true);
        action.addAvp(AvpCodes.VALIDITY_TIME, 300L, true, false, true);
        return dar;
    }

    private static InputStream config(int port, int iwfPort) throws Exception {
        try (InputStream in = JDiameterScsTest.class.getResourceAsStream("/jdiameter/scs-config.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${port}", Integer.toString(port)).replace("${iwfPort}", Integer.toString(iwfPort));
            return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        }
    }
}
