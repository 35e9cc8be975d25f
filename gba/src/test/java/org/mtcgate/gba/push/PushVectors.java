package org.mtcgate.gba.push;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.time.Instant;

/**
 * Inputs of the golden strings: TS 35.208 test set 1 (RAND, AUTN, Ks = CK || IK), the facts' IMPI and GPL NAF_Id
 * (gba-facts 9.2). The expected octets were computed independently of this code, with Python's hmac, hashlib and
 * the cryptography package's AES-CTR, from the layout in gba/PROFILE.md.
 */
final class PushVectors {
    static final AkaCredentials SUB = new AkaCredentials(new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    static final Rand RAND = Rand.ofHex("23553cbe9637a89d218ae64dae47bf35");
    static final Autn AUTN = Autn.ofHex("55f328b43577b9b94a9ffac354dfafb3");
    static final Ks KS = Ks.ofHex("b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441");
    static final NafId NAF = new NafId("naf.example.com", UaSecurityProtocolId.GPL);
    static final Instant EXPIRY = Instant.parse("2026-12-03T15:00:00Z");
    static final Ptid PTID = Ptid.ofText("ptid-0001");

    static final String GPI = "0101001023553cbe9637a89d218ae64dae47bf3502001055f328b43577b9b94a9ffac354dfafb3"
            + "0300146e61662e6578616d706c652e636f6d0100000005" + "050001" + "00" + "060004eebc0270"
            + "0700090f6e5722c2369b805e" + "080010ec69bccd7be3c43a7857d011d046710d";
    /** gba-facts 9.2's Ks_NAF for the same inputs. */
    static final String KS_NAF = "1ac31cf814312fc16ece9ec85d994e6d3dbbb1f37fbc6c98b999cf3aa111a484";
    /** "wake up", downlink, SN 1, SA id RAND@naf. */
    static final String GPL = "010028" + "4931553876705933714a306869755a4e726b652f4e513d3d406e61662e6578616d706c652e636f6d"
            + "00000001" + "f4421e0a898baa" + "3d5eb5ccea1bb700f4fdc6b85a22af4b";
    /** Session 0x0102, the GPI above, the GPL message above. */
    static final String ENVELOPE_HEAD = "475049" + "01" + "0102" + "0068";

    static Gpi gpi() {
        return new Gpi(RAND, AUTN, NAF, new byte[0], GbaMode.GBA_ME, EXPIRY, PTID);
    }

    private PushVectors() {
    }
}
