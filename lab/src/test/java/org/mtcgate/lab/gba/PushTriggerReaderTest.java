package org.mtcgate.lab.gba;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.GbaMode;
import org.mtcgate.gba.push.GpiEnvelope;
import org.mtcgate.gba.push.GpiIssuer;
import org.mtcgate.gba.push.GplDirection;
import org.mtcgate.gba.push.GplSender;
import org.mtcgate.gba.push.MtcgateEnvelope1;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.gba.push.MtcgateGpl1;
import org.mtcgate.gba.push.Ptid;
import org.mtcgate.gba.push.PushRejectedException;
import org.mtcgate.gba.push.PushTrigger;
import org.mtcgate.map.smsc.SmsDeliverTpdu;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UE side of GBA Push behind the lab MSC: SMs as the SMS-SC segments them, reassembled and read, or refused. */
class PushTriggerReaderTest {
    static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    static final NafId NAF = new NafId("scs.utility.test", UaSecurityProtocolId.GPL);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-03T14:00:00Z"), ZoneOffset.UTC);
    final PushTriggerReader reader = new PushTriggerReader("UE 1", new PushTriggerUe(SUB, Set.of(NAF), UsimSequenceState.initial(),
            new MtcgateGpi1(), new MtcgateEnvelope1(), new MtcgateGpl1(), clock), true);
    int reference = 7;

    byte[] protectedPayload(long seq, NafId naf, String text) {
        GpiIssuer.Issued issued = new GpiIssuer(new MtcgateGpi1()).issue(AuthenticationCentre.vector(SUB, SqnProfile.forSeq(seq),
                Amf.UMTS, Rand.ofHex("23553cbe9637a89d218ae64dae47bf3" + seq)), SUB.impi(), naf, Ptid.ofText("ptid-" + seq),
                GbaMode.GBA_ME, new byte[0], clock.instant().plusSeconds(3600));
        byte[] gpl = GplSender.of(new MtcgateGpl1(), issued.sa(), GplDirection.DOWNLINK).send(text.getBytes(StandardCharsets.US_ASCII))
                .message();
        return new MtcgateEnvelope1().encode(new PushTrigger(new GpiEnvelope(1, issued.gpi()), gpl));
    }

    List<SmsDeliver> sms(byte[] payload) throws Exception {
        List<SmsDeliver> out = new ArrayList<>();
        for (byte[] tpdu : SmsDeliverTpdu.segments(new ShortMessage(0x48, 0x04, 9200, false, payload), reference++, "491720000999",
                clock)) {
            out.add(TpduCodec.decodeDeliver(tpdu));
        }
        return out;
    }

    Optional<PushTriggerReader.Result> deliver(List<SmsDeliver> parts) {
        Optional<PushTriggerReader.Result> last = Optional.empty();
        for (SmsDeliver sm : parts) {
            Optional<PushTriggerReader.Result> r = reader.delivered(sm);
            if (r.isPresent()) {
                last = r;
            }
        }
        return last;
    }

    @Test
    void concatenatedSmsInAnyOrderGiveThePayload() throws Exception {
        List<SmsDeliver> parts = sms(protectedPayload(1, NAF, "open valve 7"));
        assertTrue(parts.size() >= 2, "a GPI and a GPL message take more than one SM");
        Collections.reverse(parts);
        PushTriggerReader.Read read = assertInstanceOf(PushTriggerReader.Read.class, deliver(parts).orElseThrow());
        assertArrayEquals("open valve 7".getBytes(StandardCharsets.US_ASCII), read.payload());
        assertTrue(read.line().startsWith("UE 1: GBA Push trigger read: \"open valve 7\" (new GPI: SA "), read.line());
    }

    @Test
    void theSameTriggerDeliveredTwiceIsAReplay() throws Exception {
        byte[] payload = protectedPayload(1, NAF, "open valve 7");
        assertInstanceOf(PushTriggerReader.Read.class, deliver(sms(payload)).orElseThrow());
        PushTriggerReader.Refused again = assertInstanceOf(PushTriggerReader.Refused.class, deliver(sms(payload)).orElseThrow());
        assertEquals(PushRejectedException.Kind.REPLAY, again.kind(), again.line());
    }

    @Test
    void aTamperedTriggerIsRefusedAndTheGenuineOneStillRead() throws Exception {
        byte[] payload = protectedPayload(1, NAF, "open valve 7");
        byte[] gplTampered = payload.clone();
        gplTampered[gplTampered.length - 20] ^= 1;
        PushTriggerReader.Refused r = assertInstanceOf(PushTriggerReader.Refused.class, deliver(sms(gplTampered)).orElseThrow());
        assertEquals(PushRejectedException.Kind.MAC, r.kind(), r.line());
        byte[] gpiTamperedCopy = payload.clone();
        gpiTamperedCopy[8 + 80] ^= 1; // inside the GPI's encrypted P-TID: its SQN is now used, the USIM refuses it
        assertEquals(PushRejectedException.Kind.SQN, assertInstanceOf(PushTriggerReader.Refused.class,
                deliver(sms(gpiTamperedCopy)).orElseThrow()).kind());
        byte[] fresh = protectedPayload(2, NAF, "x");
        byte[] gpiTampered = fresh.clone();
        gpiTampered[8 + 80] ^= 1;
        assertEquals(PushRejectedException.Kind.MAC, assertInstanceOf(PushTriggerReader.Refused.class,
                deliver(sms(gpiTampered)).orElseThrow()).kind());
        assertInstanceOf(PushTriggerReader.Read.class, deliver(sms(fresh)).orElseThrow(), "the genuine one is still fresh");
    }

    @Test
    void anotherNafAndAPlainTriggerAreRefused() throws Exception {
        PushTriggerReader.Refused naf = assertInstanceOf(PushTriggerReader.Refused.class,
                deliver(sms(protectedPayload(1, new NafId("evil.test", UaSecurityProtocolId.GPL), "x"))).orElseThrow());
        assertEquals(PushRejectedException.Kind.NAF_ID, naf.kind());
        assertTrue(naf.line().contains("evil.test"), naf.line());
        PushTriggerReader.Refused plain = assertInstanceOf(PushTriggerReader.Refused.class,
                deliver(sms("wake".getBytes(StandardCharsets.US_ASCII))).orElseThrow());
        assertTrue(plain.line().contains("NOT_PROTECTED"), plain.line());
    }
}
