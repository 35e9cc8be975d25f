package org.mtcgate.lab.mme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.sgd.SgdMtDelivery;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.DeliveryAttempt.Result;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.map.tpdu.Concatenation;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's MME simulator answering the SMS-SC's SGd client, both the project's own Diameter nodes on 127.0.0.1. */
class SimulatedMmeTest {
    static final String MME = "mme1.epc.operator.test";
    static final String SMS_SC = "smsc.operator.test";
    static final Imsi SERVED = Imsi.of("262015500000001");
    static final Imsi ABSENT = Imsi.of("262015500000002");
    static final Imsi UNKNOWN = Imsi.of("262015500000003");
    static final ServingNode AT = new ServingNode(ServingNode.Kind.MME, MME);
    static final long WAIT = 10;

    final List<String> lines = new CopyOnWriteArrayList<>();
    final SimulatedMme mme = new SimulatedMme(Set.of(SERVED), Set.of(ABSENT), lines::add);
    DiameterNode mmeNode;
    DiameterNode smscNode;
    SgdMtDelivery delivery;

    @BeforeEach
    void start() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        mmeNode = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(MME, "epc.operator.test", lo))
                .listen(new InetSocketAddress(lo, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(SMS_SC, "operator.test", PeerRole.SMS_SC)).build())
                .registerHandler(ApplicationIds.SGD, mme).start();
        smscNode = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(SMS_SC, "operator.test", lo)).insecureLab(true)
                .peer(PeerConfig.connecting(MME, "epc.operator.test", mmeNode.localAddress(), PeerRole.MME)).build())
                .supportApplication(ApplicationIds.SGD).start();
        smscNode.whenPeerOpen(MME).get(WAIT, TimeUnit.SECONDS);
        delivery = new SgdMtDelivery(smscNode, "491720000100", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (smscNode != null) {
            smscNode.close();
        }
        if (mmeNode != null) {
            mmeNode.close();
        }
    }

    DeliveryAttempt deliver(Imsi imsi, List<byte[]> tpdus) throws Exception {
        return delivery.deliver(imsi, AT, tpdus).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    /** A concatenated SM of three segments, 8-bit data, reference 7 (TS 23.040 9.2.3.24.1). */
    static List<byte[]> segments(String text) throws Exception {
        byte[] all = text.getBytes(StandardCharsets.US_ASCII);
        List<byte[]> out = new ArrayList<>();
        int size = (all.length + 2) / 3;
        for (int i = 0; i < 3; i++) {
            byte[] part = java.util.Arrays.copyOfRange(all, i * size, Math.min(all.length, (i + 1) * size));
            out.add(TpduCodec.encode(new SmsDeliver(false, false, false, false, SmsAddress.international("491720000999"),
                    0x00, 0x04, ServiceCentreTimeStamp.of(OffsetDateTime.now()),
                    UserData.eightBit(UserDataHeader.of(InformationElement.concatenation8(7, 3, i + 1)), part))));
        }
        return out;
    }

    @Test
    void aConcatenatedSmArrivesWholeAndInOrder() throws Exception {
        String text = "one SM of three segments, delivered over SGd to the MME in the lab";
        DeliveryAttempt a = deliver(SERVED, segments(text));
        assertEquals(Result.DELIVERED, a.result(), a.detail());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int sequence = 1;
        for (byte[] tpdu : mme.delivered(SERVED)) {
            SmsDeliver sm = TpduCodec.decodeDeliver(tpdu);
            Concatenation c = sm.userData().optionalHeader().flatMap(UserDataHeader::concatenation).orElseThrow();
            assertEquals(new Concatenation(7, 3, sequence++), c);
            whole.writeBytes(sm.userData().body());
        }
        assertEquals(4, sequence, "three segments");
        assertEquals(text, whole.toString(StandardCharsets.US_ASCII));
        assertEquals(3, lines.size(), "one line per TFR: " + lines);
        assertTrue(lines.get(0).contains("IMSI 262015500000001 (more to send)"), lines.get(0));
        assertTrue(lines.get(2).endsWith(": delivered") && !lines.get(2).contains("more to send"), lines.get(2));
    }

    @Test
    void anAbsentUeIsAbsentAndAnUnknownOneUnknown() throws Exception {
        DeliveryAttempt absent = deliver(ABSENT, List.of(new byte[] {0x04}));
        assertEquals(Result.ABSENT, absent.result(), absent.detail());
        assertTrue(absent.detail().contains("DIAMETER_ERROR_ABSENT_USER"), absent.detail());
        DeliveryAttempt unknown = deliver(UNKNOWN, List.of(new byte[] {0x04}));
        assertEquals(Result.PERMANENT, unknown.result(), unknown.detail());
        assertTrue(unknown.detail().contains("DIAMETER_ERROR_USER_UNKNOWN"), unknown.detail());
        assertEquals(List.of(), mme.delivered(ABSENT));
        assertTrue(lines.get(0).endsWith(": absent") && lines.get(1).endsWith(": unknown user"), lines.toString());
    }

    @Test
    void aFullMemoryFailsForNowAndTakesTheSmOnceFreed() throws Exception {
        mme.memoryFull(SERVED, true);
        DeliveryAttempt full = deliver(SERVED, List.of(new byte[] {0x04, 1}));
        assertEquals(Result.TEMPORARY, full.result(), full.detail());
        assertTrue(full.detail().contains("MEMORY_CAPACITY_EXCEEDED"), full.detail());
        mme.memoryFull(SERVED, false);
        assertEquals(Result.DELIVERED, deliver(SERVED, List.of(new byte[] {0x04, 1})).result());
        assertEquals(1, mme.delivered(SERVED).size());
        assertEquals(2, delivery.sentCount());
        assertEquals(1, delivery.deliveredCount());
    }
}
