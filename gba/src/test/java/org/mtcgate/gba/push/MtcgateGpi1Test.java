package org.mtcgate.gba.push;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mtcgate.gba.push.PushVectors.*;

class MtcgateGpi1Test {
    private final MtcgateGpi1 codec = new MtcgateGpi1();

    @Test
    void encodesTheGoldenGpi() {
        assertEquals(GPI, Hex.encode(codec.encode(gpi(), KS)));
        assertEquals("mtcgate-gpi-1", codec.name());
    }

    @Test
    void readsTheClearPartAndOpensWithKs() throws Exception {
        SealedGpi sealed = codec.read(Hex.decode(GPI));
        assertEquals(RAND, sealed.rand());
        assertEquals(AUTN, sealed.autn());
        assertEquals(NAF, sealed.nafId());
        assertEquals(EXPIRY, sealed.keyExpiry());
        assertEquals(gpi(), codec.open(sealed, KS));
    }

    @Test
    void pTidIsNotInTheClear() {
        String hex = Hex.encode(codec.encode(gpi(), KS));
        assertTrue(!hex.contains(Hex.encode(PTID.octets())), "P-TID is encrypted");
    }

    @Test
    void anApplicationLabelRoundTrips() throws Exception {
        Gpi g = new Gpi(RAND, AUTN, NAF, new byte[] {(byte) 0xA0, 0, 0, 0, (byte) 0x87}, GbaMode.GBA_ME, EXPIRY, PTID);
        assertEquals(g, codec.open(codec.read(codec.encode(g, KS)), KS));
    }

    @Test
    void everyFlippedOctetIsRejectedNeverAccepted() {
        byte[] good = Hex.decode(GPI);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            try {
                codec.open(codec.read(bad), KS);
                fail("octet " + i + " flipped and the GPI was accepted");
            } catch (PushRejectedException e) {
                assertTrue(e.kind() == PushRejectedException.Kind.MAC || e.kind() == PushRejectedException.Kind.MALFORMED,
                        i + ": " + e.kind());
            }
        }
    }

    @Test
    void aTamperedNafIdFailsTheMac() throws Exception {
        byte[] bad = Hex.decode(GPI);
        bad[42] = 'm'; // naf -> maf, still a well-formed NAF_Id
        SealedGpi sealed = codec.read(bad);
        assertEquals("maf.example.com", sealed.nafId().fqdn());
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> codec.open(sealed, KS));
        assertEquals(PushRejectedException.Kind.MAC, e.kind());
        assertTrue(e.getMessage().contains("MAC does not verify"), e.getMessage());
    }

    @Test
    void anotherKsFailsTheMac() throws Exception {
        SealedGpi sealed = codec.read(Hex.decode(GPI));
        byte[] other = KS.octets();
        other[0] ^= 1;
        assertEquals(PushRejectedException.Kind.MAC,
                assertThrows(PushRejectedException.class, () -> codec.open(sealed, new Ks(other))).kind());
    }

    @Test
    void everyTruncationIsRejectedSayingWhere() {
        byte[] good = Hex.decode(GPI);
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            PushRejectedException e = assertThrows(PushRejectedException.class, () -> codec.read(cut), "" + n);
            assertEquals(PushRejectedException.Kind.MALFORMED, e.kind());
        }
        assertEquals("the GPI is empty", message(new byte[0]));
        assertEquals("the GPI ends at octet 1 where GPI field 0x01 (RAND) should start (a field header is 3 octets)",
                message(new byte[] {1}));
        assertEquals("GPI field 0x08 (MAC) at octet 85 says 16 octets, 15 left", message(Arrays.copyOf(good, good.length - 1)));
    }

    @Test
    void precisErrorsForLayoutFaults() {
        byte[] good = Hex.decode(GPI);
        byte[] version = good.clone();
        version[0] = 2;
        assertEquals("GPI version 0x02 is not mtcgate-gpi-1 (version 1)", message(version));
        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        assertEquals("the GPI has 2 octet(s) after its MAC, at octet 104", message(trailing));
        byte[] order = good.clone();
        order[1] = 2;
        assertEquals("at octet 1 the GPI has field 0x02 where GPI field 0x01 (RAND) is due", message(order));
        byte[] randLength = good.clone();
        randLength[3] = 15;
        assertEquals("GPI field 0x01 (RAND) at octet 1 has length 15; 16 allowed", message(randLength));
        byte[] mode = good.clone();
        mode[65] = 7;
        assertEquals("GPI field 0x05 (UICC/ME) at octet 62: UICC-ME is GBA_ME (0) or GBA_U (1), not 7", message(mode));
        assertEquals("the GPI has 1025 octets; mtcgate-gpi-1 allows at most 1024", message(new byte[1025]));
    }

    @Test
    void randomInputNeverEscapesAsAnythingButARejection() {
        Random random = new Random(15);
        byte[] good = Hex.decode(GPI);
        for (int i = 0; i < 5000; i++) {
            byte[] in;
            if (i % 2 == 0) {
                in = new byte[random.nextInt(200)];
                random.nextBytes(in);
                if (in.length > 0) {
                    in[0] = 1;
                }
            } else {
                in = good.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    in[random.nextInt(in.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                codec.open(codec.read(in), KS);
                assertArrayEquals(good, in, "only the genuine GPI opens");
            } catch (PushRejectedException e) {
                assertTrue(!e.getMessage().isEmpty());
            }
        }
    }

    @Test
    void aNafIdWithBadUtf8IsMalformed() {
        byte[] bad = Hex.decode(GPI);
        bad[42] = (byte) 0xC3;
        bad[43] = 0x28;
        assertEquals("GPI field 0x03 (NAF_Id) at octet 39: its FQDN is not UTF-8 text", message(bad));
        assertTrue(new NafId("x", NAF.uaProtocol()).encoded().length == 6);
    }

    private String message(byte[] in) {
        return assertThrows(PushRejectedException.class, () -> codec.read(in)).getMessage();
    }
}
