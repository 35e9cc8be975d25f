package org.mtcgate.diameter.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.AvpParser;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.MessageValidator;
import org.mtcgate.diameter.dictionary.StandardDictionary;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.interop.MtcIwfFixture;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.UeName;

/**
 * Grammar violations of TS 29.368 / RFC 6733 from an SCS that holds a valid identity, over a real socket to the
 * MTC-IWF with the real Tsp application and triggering procedure. Each case checks the answer on the wire
 * (Result-Code, Failed-AVP, or Request-Status), that it is counted, that nothing was stored or sent to the SMS-SC,
 * and afterwards that a legitimate SCS on its own connection is still served.
 */
class GrammarAttackTest {
    private static final String ATTACKER = "scs-attacker.utility.test";
    private static final String GOOD = MtcIwfFixture.SCS;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MessageValidator VALIDATOR = new MessageValidator(StandardDictionary.create());
    private static final AtomicInteger IDS = new AtomicInteger(100);
    private static MtcIwfFixture iwf;
    private static ScsClient good;
    private static final AtomicInteger GOOD_REFS = new AtomicInteger(1);
    private RawScs raw;

    @BeforeAll
    static void start() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        iwf = MtcIwfFixture.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, lo))
                .listen(new InetSocketAddress(lo, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(ATTACKER, "utility.test")).peer(PeerConfig.accepting(GOOD, "utility.test"))
                .build(), List.of(GOOD, ATTACKER), true);
        good = ScsClient.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(GOOD, lo)).insecureLab(true)
                .peer(PeerConfig.connecting(MtcIwfFixture.MTC_IWF, MtcIwfFixture.MTC_IWF_REALM, iwf.node.localAddress()))
                .build(), MtcIwfFixture.MTC_IWF_REALM, r -> { });
        good.connected(MtcIwfFixture.MTC_IWF).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        good.close();
        iwf.close();
    }

    @BeforeEach
    void connectAttacker() throws Exception {
        raw = new RawScs(iwf.node.localAddress());
        assertEquals(2001, resultCode(raw.cer(ATTACKER, "utility.test")));
    }

    /** Nothing of the attacker's reached the store or the SMS-SC, and a legitimate SCS is still served. */
    @AfterEach
    void nothingStoredAndGoodScsServed() throws Exception {
        raw.close();
        int before = iwf.smsc.submitted.size();
        assertTrue(iwf.smsc.submitted.stream().noneMatch(t -> t.id().scsIdentity().equals(ATTACKER)),
                "nothing of the attacker went to the SMS-SC");
        for (long ref = 1; ref < 20; ref++) {
            assertTrue(iwf.store.find(new TriggerId(ATTACKER, ref)).isEmpty(), "nothing stored for the attacker");
        }
        long ref = GOOD_REFS.getAndIncrement();
        DeviceActionAnswer a = good.send(new DeviceActionRequest(GOOD, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(org.mtcgate.filter.ExternalId.of(MtcIwfFixture.UE_EXT_ID)), "wake".getBytes(StandardCharsets.US_ASCII),
                9200, false, Duration.ofMinutes(5))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, a.resultCode());
        assertEquals(RequestStatus.SUCCESS.code(), a.requestStatus());
        assertEquals(before + 1, iwf.smsc.submitted.size(), "the good SCS's trigger went on");
    }

    @Test
    void darWithoutAuthApplicationIdIsMissingAvp() throws Exception {
        long refusedBefore = iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT);
        DiameterMessage a = raw.request(without(dar(1, payload(7)), AvpCodes.AUTH_APPLICATION_ID, 0));
        assertEquals(5005, resultCode(a));
        assertEquals(AvpCodes.AUTH_APPLICATION_ID, failed(a).code());
        assertEquals(refusedBefore + 1, iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT), "counted");
    }

    @Test
    void mandatoryAvpOutsideTheDarGrammarIsUnsupported() throws Exception {
        // Payload belongs inside Trigger-Data; at the top of a DAR it is an M-bit AVP the grammar does not name.
        Avp stray = Avp.builder(AvpCodes.PAYLOAD).vendor(VendorIds.TGPP).mandatory().octets(payload(3));
        DiameterMessage a = raw.request(dar(2, payload(7)).toBuilder().avp(stray).build());
        assertEquals(5001, resultCode(a));
        assertEquals(AvpCodes.PAYLOAD, failed(a).code());
        assertEquals(VendorIds.TGPP, failed(a).vendorId());
    }

    @Test
    void secondDeviceActionOccursTooManyTimes() throws Exception {
        DiameterMessage dar = dar(3, payload(7));
        Avp second = dar.avp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP).orElseThrow();
        DiameterMessage a = raw.request(dar.toBuilder().avp(second).build());
        assertEquals(5009, resultCode(a));
        assertEquals(AvpCodes.DEVICE_ACTION, failed(a).code());
    }

    @Test
    void deviceActionWithoutActionTypeIsMissingAvp() throws Exception {
        List<Avp> parts = new ArrayList<>(List.of(
                tgpp(AvpCodes.EXTERNAL_IDENTIFIER).utf8(MtcIwfFixture.UE_EXT_ID),
                tgpp(AvpCodes.REFERENCE_NUMBER).unsigned32(4),
                triggerData(payload(7))));
        DiameterMessage a = raw.request(head(4).avp(tgpp(AvpCodes.DEVICE_ACTION).grouped(parts)).build());
        assertEquals(5005, resultCode(a));
        assertEquals(AvpCodes.ACTION_TYPE, failed(a).code());
    }

    @Test
    void triggerDataWithoutPayloadIsMissingAvp() throws Exception {
        Avp emptyTrigger = tgpp(AvpCodes.TRIGGER_DATA).grouped(List.of(tgpp(AvpCodes.PRIORITY_INDICATION).unsigned32(0)));
        DiameterMessage a = raw.request(head(5).avp(tgpp(AvpCodes.DEVICE_ACTION).grouped(List.of(
                tgpp(AvpCodes.EXTERNAL_IDENTIFIER).utf8(MtcIwfFixture.UE_EXT_ID),
                tgpp(AvpCodes.REFERENCE_NUMBER).unsigned32(5), tgpp(AvpCodes.ACTION_TYPE).unsigned32(1),
                emptyTrigger))).build());
        assertEquals(5005, resultCode(a));
        assertEquals(AvpCodes.PAYLOAD, failed(a).code());
    }

    @Test
    void payloadOneOctetBeyondTheBoundIsInvPayloadAndNothingStored() throws Exception {
        DiameterMessage a = raw.request(dar(6, payload(org.mtcgate.filter.trigger.SmCapacity.DEFAULT_MAX_PAYLOAD + 1)));
        assertEquals(2001, resultCode(a));
        DeviceActionAnswer daa = DeviceActionAnswer.of(a);
        assertEquals(RequestStatus.INVPAYLOAD.code(), daa.requestStatus());
        assertEquals(6, daa.referenceNumber());
        assertTrue(VALIDATOR.validateOutgoing(a).isEmpty(), "the refusing DAA follows the DAA grammar: "
                + VALIDATOR.validateOutgoing(a));
        // The bound itself (eight segments) is taken.
        // (reference 50: outside the range the after-each check expects empty)
        DiameterMessage ok = raw.request(dar(50, payload(org.mtcgate.filter.trigger.SmCapacity.DEFAULT_MAX_PAYLOAD)));
        assertEquals(RequestStatus.SUCCESS.code(), DeviceActionAnswer.of(ok).requestStatus());
        assertTrue(iwf.smsc.submitted.removeIf(t -> t.id().equals(new TriggerId(ATTACKER, 50))),
                "the trigger at the bound was submitted");
    }

    // ---- building DARs ----------------------------------------------------------------------------------------

    private static Avp.Builder tgpp(int code) {
        return Avp.builder(code).vendor(VendorIds.TGPP).mandatory();
    }

    private static byte[] payload(int n) {
        byte[] p = new byte[n];
        Arrays.fill(p, (byte) 'x');
        return p;
    }

    private static Avp triggerData(byte[] payload) {
        return tgpp(AvpCodes.TRIGGER_DATA).grouped(List.of(tgpp(AvpCodes.PAYLOAD).octets(payload),
                tgpp(AvpCodes.APPLICATION_PORT_IDENTIFIER).unsigned32(9200)));
    }

    private static DiameterMessage.Builder head(long ref) {
        int id = IDS.incrementAndGet();
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true).hopByHopId(id).endToEndId(id)
                .avp(BaseAvps.sessionId(ATTACKER + ";grammar;" + id))
                .avp(BaseAvps.authApplicationId(ApplicationIds.TSP))
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(ATTACKER)).avp(BaseAvps.originRealm("utility.test"))
                .avp(BaseAvps.destinationRealm(MtcIwfFixture.MTC_IWF_REALM));
    }

    private static DiameterMessage dar(long ref, byte[] payload) {
        return head(ref).avp(tgpp(AvpCodes.DEVICE_ACTION).grouped(List.of(
                tgpp(AvpCodes.EXTERNAL_IDENTIFIER).utf8(MtcIwfFixture.UE_EXT_ID),
                tgpp(AvpCodes.REFERENCE_NUMBER).unsigned32(ref), tgpp(AvpCodes.ACTION_TYPE).unsigned32(1),
                triggerData(payload)))).build();
    }

    private static DiameterMessage without(DiameterMessage m, int code, long vendor) {
        return m.toBuilder().removeAvps(code, vendor).build();
    }

    private static long resultCode(DiameterMessage m) {
        return m.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }

    private static Avp failed(DiameterMessage answer) {
        return answer.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
    }

    /** A blocking plain-TCP SCS that writes exactly the bytes a test builds. */
    private static final class RawScs implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private String host;
        private String realm;

        RawScs(InetSocketAddress server) throws IOException {
            socket = new Socket(server.getAddress(), server.getPort());
            socket.setSoTimeout((int) WAIT.toMillis());
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        DiameterMessage cer(String host, String realm) throws IOException {
            this.host = host;
            this.realm = realm;
            return request(DiameterMessage.request(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON, false)
                    .hopByHopId(1).endToEndId(1)
                    .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                    .avp(BaseAvps.hostIpAddress(InetAddress.getLoopbackAddress())).avp(BaseAvps.vendorId(0))
                    .avp(BaseAvps.productName("grammar-attacker")).avp(BaseAvps.authApplicationId(ApplicationIds.TSP))
                    .build());
        }

        /** Sends and returns the answer, answering any watchdog request on the way. */
        DiameterMessage request(DiameterMessage m) throws IOException {
            ByteBuf b = Unpooled.buffer();
            DiameterMessageEncoder.encode(m, b);
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            out.write(bytes);
            out.flush();
            while (true) {
                DiameterMessage r = read();
                if (r.isRequest() && r.commandCode() == CommandCodes.DEVICE_WATCHDOG) {
                    byte[] dwa = encode(DiameterMessage.answerTo(r).avp(BaseAvps.resultCode(2001))
                            .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build());
                    out.write(dwa);
                    out.flush();
                    continue;
                }
                assertFalse(r.isRequest(), "an answer, not a request");
                assertEquals(m.hopByHopId(), r.hopByHopId());
                return r;
            }
        }

        private static byte[] encode(DiameterMessage m) {
            ByteBuf b = Unpooled.buffer();
            DiameterMessageEncoder.encode(m, b);
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            return bytes;
        }

        private DiameterMessage read() throws IOException {
            int first = in.readInt();
            byte[] rest = new byte[(first & 0xFFFFFF) - 4];
            in.readFully(rest);
            ByteBuf h = Unpooled.wrappedBuffer(rest);
            return DiameterMessage.builder().flags(h.getUnsignedByte(0)).commandCode(h.getUnsignedMedium(1))
                    .applicationId(h.getUnsignedInt(4)).hopByHopId(h.getInt(8)).endToEndId(h.getInt(12))
                    .avps(AvpParser.parse(rest, 16, rest.length)).build();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
