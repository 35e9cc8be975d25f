package org.mtcgate.gba.push;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.bootstrap.NafKey;
import org.mtcgate.gba.bootstrap.NafKeyDerivation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mtcgate.gba.push.PushVectors.*;

class MtcgateGpl1Test {
    private final MtcgateGpl1 suite = new MtcgateGpl1();
    private final NafSa sa = new NafSa(PTID, RAND, NAF, SUB.impi(), NafKeyDerivation.ksNaf(KS, RAND, SUB.impi(), NAF),
            GbaMode.GBA_ME, EXPIRY);

    @Test
    void theSaKeyIsTheFactsKsNaf() {
        assertEquals(KS_NAF, Hex.encode(sa.key().octets()));
        assertEquals("I1U8vpY3qJ0hiuZNrke/NQ==@naf.example.com", sa.randAtNaf());
    }

    @Test
    void protectsToTheGoldenMessage() {
        GplSender.Sent sent = GplSender.of(suite, sa, GplDirection.DOWNLINK).send("wake up".getBytes(StandardCharsets.US_ASCII));
        assertEquals(GPL, Hex.encode(sent.message()));
        assertEquals(1, sent.sn());
        assertEquals(2, sent.next().send(new byte[1]).sn());
    }

    @Test
    void theReceiverOpensItOnceAndRefusesTheReplay() throws Exception {
        GplReceiver r = GplReceiver.of(suite, sa, GplDirection.DOWNLINK);
        GplReceiver.Received got = r.receive(Hex.decode(GPL));
        assertArrayEquals("wake up".getBytes(StandardCharsets.US_ASCII), got.payload());
        assertEquals(1, got.next().snH());
        PushRejectedException replay = assertThrows(PushRejectedException.class, () -> got.next().receive(Hex.decode(GPL)));
        assertEquals(PushRejectedException.Kind.REPLAY, replay.kind());
        assertEquals("GPL sequence number 1 is not above the highest accepted (SN_h = 1): a replayed message", replay.getMessage());
    }

    @Test
    void laterMessagesPassAndOlderOnesDoNot() throws Exception {
        GplSender s = GplSender.of(suite, sa, GplDirection.DOWNLINK);
        GplSender.Sent one = s.send(new byte[] {1});
        GplSender.Sent two = one.next().send(new byte[] {2});
        GplReceiver r = GplReceiver.of(suite, sa, GplDirection.DOWNLINK).receive(two.message()).next();
        assertEquals(PushRejectedException.Kind.REPLAY, assertThrows(PushRejectedException.class, () -> r.receive(one.message())).kind());
    }

    @Test
    void everyFlippedOctetIsRejected() {
        byte[] good = Hex.decode(GPL);
        GplReceiver r = GplReceiver.of(suite, sa, GplDirection.DOWNLINK);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x04;
            try {
                r.receive(bad);
                fail("octet " + i + " flipped and the message was accepted");
            } catch (PushRejectedException e) {
                assertTrue(e.kind() != PushRejectedException.Kind.REPLAY, i + ": " + e.getMessage());
            }
        }
        byte[] body = good.clone();
        body[body.length - 20] ^= 1;
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> r.receive(body));
        assertEquals(PushRejectedException.Kind.MAC, e.kind());
        assertEquals("the GPL message's MAC does not verify: it was changed on the way, or made with another key", e.getMessage());
    }

    @Test
    void anotherSaOrDirectionIsNotThisOne() {
        NafSa other = new NafSa(PTID, RAND, new org.mtcgate.gba.bootstrap.NafId("other.example.com", NAF.uaProtocol()),
                SUB.impi(), sa.key(), GbaMode.GBA_ME, EXPIRY);
        PushRejectedException e = assertThrows(PushRejectedException.class,
                () -> GplReceiver.of(suite, other, GplDirection.DOWNLINK).receive(Hex.decode(GPL)));
        assertEquals(PushRejectedException.Kind.UNKNOWN_SA, e.kind());
        assertTrue(e.getMessage().contains("not \"I1U8vpY3qJ0hiuZNrke/NQ==@other.example.com\""), e.getMessage());
        assertEquals("the GPL message goes downlink, this receiver takes uplink", assertThrows(PushRejectedException.class,
                () -> GplReceiver.of(suite, sa, GplDirection.UPLINK).receive(Hex.decode(GPL))).getMessage());
    }

    @Test
    void anotherKeyFailsTheMac() {
        byte[] k = sa.key().octets();
        k[5] ^= 1;
        NafSa wrong = new NafSa(PTID, RAND, NAF, SUB.impi(), new NafKey(k), GbaMode.GBA_ME, EXPIRY);
        assertEquals(PushRejectedException.Kind.MAC, assertThrows(PushRejectedException.class,
                () -> GplReceiver.of(suite, wrong, GplDirection.DOWNLINK).receive(Hex.decode(GPL))).kind());
    }

    @Test
    void truncatedAndOversizeMessagesAreMalformed() {
        byte[] good = Hex.decode(GPL);
        GplReceiver r = GplReceiver.of(suite, sa, GplDirection.DOWNLINK);
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThrows(PushRejectedException.class, () -> r.receive(cut), "" + n);
        }
        assertEquals("the GPL message is 3 octets; mtcgate-gpl-1 needs at least 24",
                assertThrows(PushRejectedException.class, () -> r.receive(new byte[] {1, 0, 1})).getMessage());
        byte[] big = new byte[3 + 40 + 4 + 5000 + 16];
        System.arraycopy(good, 0, big, 0, 43);
        assertEquals("the GPL message carries 5000 octets; mtcgate-gpl-1 accepts at most 4096",
                assertThrows(PushRejectedException.class, () -> r.receive(big)).getMessage());
        byte[] suiteByte = good.clone();
        suiteByte[0] = 9;
        assertEquals("GPL suite 0x09 is not mtcgate-gpl-1 (0x01)",
                assertThrows(PushRejectedException.class, () -> r.receive(suiteByte)).getMessage());
        byte[] idTooLong = good.clone();
        idTooLong[2] = (byte) 200;
        assertEquals("the GPL message's SA identifier of 200 octets does not fit its 70 octets",
                assertThrows(PushRejectedException.class, () -> r.receive(idTooLong)).getMessage());
    }

    @Test
    void randomInputIsOnlyEverRejected() {
        Random random = new Random(224);
        GplReceiver r = GplReceiver.of(suite, sa, GplDirection.DOWNLINK);
        for (int i = 0; i < 5000; i++) {
            byte[] in = new byte[random.nextInt(120)];
            random.nextBytes(in);
            if (in.length > 3) {
                in[0] = 1;
                in[1] = 0;
            }
            try {
                r.receive(in);
                fail("random input accepted");
            } catch (PushRejectedException e) {
                assertTrue(!e.getMessage().isEmpty());
            }
        }
    }
}
