package org.mtcgate.gba.bootstrap;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * gba-facts 9.2: self-computed vectors (two independent implementations agree; not an official 3GPP vector) over
 * the CK and IK of TS 35.208 test set 1.
 */
class NafKeyDerivationTest {
    private static final Ks KS = Ks.of(Ck.ofHex("b40ba9a3c58b2a05bbf0d987b21bf8cb"), Ik.ofHex("f769bcd751044604127672711c6d3441"));
    private static final Rand RAND = Rand.ofHex("23553cbe9637a89d218ae64dae47bf35");
    private static final Impi IMPI = new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
    private static final NafId NAF = new NafId("naf.example.com", UaSecurityProtocolId.GPL);

    @Test
    void ksIsCkThenIk() {
        assertEquals(Ks.ofHex("b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441"), KS);
    }

    @Test
    void inputStringOfGbaMe() {
        byte[] s = Kdf.s(0x01, "gba-me".getBytes(StandardCharsets.US_ASCII), RAND.octets(),
                IMPI.value().getBytes(StandardCharsets.UTF_8), NAF.encoded());
        assertEquals("016762612d6d65000623553cbe9637a89d218ae64dae47bf35001030303130313030303030303030303140696d732e6d6e63"
                + "3030312e6d63633030312e336770706e6574776f726b2e6f726700316e61662e6578616d706c652e636f6d01000000050014",
                Hex.encode(s));
    }

    @Test
    void ksNafAndKsExtNaf() {
        byte[] expected = Hex.decode("1ac31cf814312fc16ece9ec85d994e6d3dbbb1f37fbc6c98b999cf3aa111a484");
        assertArrayEquals(expected, NafKeyDerivation.ksNaf(KS, RAND, IMPI, NAF).octets());
        assertArrayEquals(expected, NafKeyDerivation.ksExtNaf(KS, RAND, IMPI, NAF).octets());
    }

    @Test
    void ksIntNaf() {
        assertArrayEquals(Hex.decode("79a39c9b429c0dd0ac9b930e38e69710154c3a95fac459a9812f46a7a41e3540"),
                NafKeyDerivation.ksIntNaf(KS, RAND, IMPI, NAF).octets());
    }

    @Test
    void nafIdIsFqdnThenUaIdAndReadsBack() {
        assertEquals("6e61662e6578616d706c652e636f6d0100000005", Hex.encode(NAF.encoded()));
        assertEquals(NAF, NafId.decode(NAF.encoded()));
        assertEquals(UaSecurityProtocolId.ofHex("010001c02f"), UaSecurityProtocolId.tls(0xC02F));
        assertThrows(IllegalArgumentException.class, () -> NafId.decode(Hex.decode("0100000005")));
    }

    @Test
    void btidIsBase64RandAtBsf() {
        assertEquals("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.operator.example.net", Btid.of(RAND, "bsf.operator.example.net").value());
    }

    @Test
    void kdfLengthsAreTwoOctetsBigEndian() {
        assertEquals("05" + "aa" + "0001" + "" + "0000", Hex.encode(Kdf.s(5, new byte[] {(byte) 0xAA}, new byte[0])));
        assertThrows(IllegalArgumentException.class, () -> Kdf.s(256));
        assertThrows(IllegalArgumentException.class, () -> Kdf.s(1, new byte[65536]));
    }

    @Test
    void keysStayOutOfText() {
        assertFalse(KS.toString().contains("b40b"));
        assertFalse(NafKeyDerivation.ksNaf(KS, RAND, IMPI, NAF).toString().contains("1ac3"));
    }
}
