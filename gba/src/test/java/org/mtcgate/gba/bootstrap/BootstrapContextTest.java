package org.mtcgate.gba.bootstrap;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.AuthenticationVector;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bootstrap run as BSF and UE each see it: the same Ks and NAF key from one vector, a lifetime, a B-TID. */
class BootstrapContextTest {
    static final AkaCredentials SUB = new AkaCredentials(new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void bsfAndUeDeriveTheSameNafKey() {
        AuthenticationVector v = AuthenticationCentre.vector(SUB, SqnProfile.forSeq(7), Amf.UMTS,
                Rand.ofHex("23553cbe9637a89d218ae64dae47bf35"));
        BootstrapContext bsf = BootstrapContext.of(v, SUB.impi(), "bsf.operator.test", NOW, Duration.ofHours(12));
        Usim.Success ue = (Usim.Success) new Usim(SUB).authenticate(UsimSequenceState.initial(), v.rand(), v.autn());
        NafId naf = new NafId("naf.example.com", UaSecurityProtocolId.GPL);
        assertEquals(NafKeyDerivation.ksNaf(Ks.of(ue.ck(), ue.ik()), v.rand(), SUB.impi(), naf), bsf.nafKey(naf));
        // The vector's CK and IK are test set 1's, so this is the self-computed key of gba-facts 9.2.
        assertEquals("1ac31cf814312fc16ece9ec85d994e6d3dbbb1f37fbc6c98b999cf3aa111a484",
                org.mtcgate.gba.Hex.encode(bsf.nafKey(naf).octets()));
        assertEquals("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.operator.test", bsf.btid().value());
        assertEquals(NOW.plus(Duration.ofHours(12)), bsf.expiresAt());
        assertTrue(bsf.validAt(NOW.plus(Duration.ofHours(11))));
        assertFalse(bsf.validAt(NOW.plus(Duration.ofHours(12))));
        assertFalse(bsf.toString().contains("b40ba9"), bsf.toString());
    }

    @Test
    void lifetimeMustBePositive() {
        AuthenticationVector v = AuthenticationCentre.vector(SUB, SqnProfile.forSeq(1), Amf.UMTS,
                Rand.ofHex("23553cbe9637a89d218ae64dae47bf35"));
        assertThrows(IllegalArgumentException.class,
                () -> BootstrapContext.of(v, SUB.impi(), "bsf.operator.test", NOW, Duration.ZERO));
    }
}
