package org.mtcgate.gba.push;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.AuthenticationVector;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mtcgate.gba.push.PushVectors.*;

/** GBA Push between the BSF's issuer and a UE with a software USIM: the same NAF SA on both sides, or a clear refusal. */
class PushUeTest {
    private final GpiIssuer issuer = new GpiIssuer(new MtcgateGpi1());
    private final PushUe ue = new PushUe(SUB, new MtcgateGpi1(), Set.of(NAF));
    private final Instant now = Instant.parse("2026-12-03T14:00:00Z");
    private final AuthenticationVector vector = AuthenticationCentre.vector(SUB, SqnProfile.forSeq(3), Amf.UMTS, RAND);

    private GpiIssuer.Issued issue(NafId naf, Instant expiry) {
        return issuer.issue(vector, SUB.impi(), naf, PTID, GbaMode.GBA_ME, new byte[0], expiry);
    }

    @Test
    void ueAndPushNafHoldTheSameSaAndTheTriggerReadsBack() throws Exception {
        GpiIssuer.Issued issued = issue(NAF, EXPIRY);
        PushUe.Accepted a = ue.accept(issued.gpi(), UsimSequenceState.initial(), now);
        assertEquals(issued.sa(), a.sa());
        assertEquals(KS_NAF, org.mtcgate.gba.Hex.encode(a.sa().key().octets()), "the facts' Ks_NAF for RAND of test set 1");
        assertEquals(PTID, a.sa().ptid());
        assertEquals(SqnProfile.forSeq(3), a.usim().highest());

        MtcgateGpl1 gpl = new MtcgateGpl1();
        byte[] msg = GplSender.of(gpl, issued.sa(), GplDirection.DOWNLINK).send("reboot".getBytes(StandardCharsets.US_ASCII)).message();
        assertArrayEquals("reboot".getBytes(StandardCharsets.US_ASCII),
                GplReceiver.of(gpl, a.sa(), GplDirection.DOWNLINK).receive(msg).payload());
    }

    @Test
    void aReplayedGpiFailsAtTheUsim() throws Exception {
        byte[] gpi = issue(NAF, EXPIRY).gpi();
        UsimSequenceState after = ue.accept(gpi, UsimSequenceState.initial(), now).usim();
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> ue.accept(gpi, after, now));
        assertEquals(PushRejectedException.Kind.SQN, e.kind());
        assertEquals("the USIM found the GPI's SQN not fresh: a replayed or stale GPI", e.getMessage());
    }

    @Test
    void aTamperedAutnFailsAtTheUsim() {
        byte[] gpi = issue(NAF, EXPIRY).gpi();
        gpi[38] ^= 1; // last octet of AUTN: MAC-A
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> ue.accept(gpi, UsimSequenceState.initial(), now));
        assertEquals(PushRejectedException.Kind.AUTN, e.kind());
    }

    @Test
    void aTamperedGpiFailsItsMacAndLeavesTheUsimAsItWas() throws Exception {
        byte[] good = issue(NAF, EXPIRY).gpi();
        byte[] bad = good.clone();
        bad[70] ^= 1; // in the key expiry
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> ue.accept(bad, UsimSequenceState.initial(), now));
        assertEquals(PushRejectedException.Kind.MAC, e.kind());
        // the genuine GPI is still fresh: the refused one did not move the USIM's state
        assertEquals(SqnProfile.forSeq(3), ue.accept(good, UsimSequenceState.initial(), now).usim().highest());
    }

    @Test
    void aNafIdTheUeDoesNotAcceptIsRefusedBeforeTheUsim() {
        NafId other = new NafId("evil.example.com", UaSecurityProtocolId.GPL);
        PushRejectedException e = assertThrows(PushRejectedException.class,
                () -> ue.accept(issue(other, EXPIRY).gpi(), UsimSequenceState.initial(), now));
        assertEquals(PushRejectedException.Kind.NAF_ID, e.kind());
        assertEquals("the GPI is for NAF_Id evil.example.com (Ua 0100000005), which this UE does not accept pushes from",
                e.getMessage());
        NafId otherUa = new NafId(NAF.fqdn(), UaSecurityProtocolId.HTTP_DIGEST);
        assertEquals(PushRejectedException.Kind.NAF_ID, assertThrows(PushRejectedException.class,
                () -> ue.accept(issue(otherUa, EXPIRY).gpi(), UsimSequenceState.initial(), now)).kind());
    }

    @Test
    void anExpiredKeyIsRefused() {
        PushRejectedException e = assertThrows(PushRejectedException.class,
                () -> ue.accept(issue(NAF, now.minusSeconds(1)).gpi(), UsimSequenceState.initial(), now));
        assertEquals(PushRejectedException.Kind.EXPIRED, e.kind());
    }

    @Test
    void gbaUIsNotIssued() {
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(vector, SUB.impi(), NAF, PTID, GbaMode.GBA_U, new byte[0], EXPIRY));
        assertSame(GbaMode.GBA_U, GbaMode.ofCode(1));
    }
}
