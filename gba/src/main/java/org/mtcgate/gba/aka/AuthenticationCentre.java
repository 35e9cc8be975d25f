package org.mtcgate.gba.aka;

import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Sqn;
import org.mtcgate.gba.milenage.Milenage;

import java.security.SecureRandom;
import java.util.Optional;

/** The AuC's two computations with Milenage: making a vector, and reading SQN_MS out of AUTS. Stateless. */
public final class AuthenticationCentre {
    private final SecureRandom random;

    public AuthenticationCentre(SecureRandom random) {
        this.random = random;
    }

    /** A vector for {@code sqn} with a fresh RAND from the SecureRandom (TS 33.102 6.3.2). */
    public AuthenticationVector vector(AkaCredentials subscriber, Sqn sqn, Amf amf) {
        byte[] rand = new byte[Rand.LENGTH];
        random.nextBytes(rand);
        return vector(subscriber, sqn, amf, new Rand(rand));
    }

    /** The vector for a given RAND: AUTN = SQN xor AK || AMF || MAC-A, XRES = f2, CK = f3, IK = f4. */
    public static AuthenticationVector vector(AkaCredentials subscriber, Sqn sqn, Amf amf, Rand rand) {
        Milenage m = Milenage.of(subscriber.k(), subscriber.opc());
        Milenage.Outputs o = m.f2345(rand);
        Autn autn = Autn.of(xor(sqn.octets(), o.ak()), amf, m.f1(rand, sqn, amf));
        return new AuthenticationVector(rand, o.res(), o.ck(), o.ik(), autn);
    }

    /**
     * SQN_MS from AUTS = SQN_MS xor AK* || MAC-S, once MAC-S = f1*(SQN_MS || RAND || AMF=0) checks out (TS 33.102
     * 6.3.5); empty when it does not (the HE then must not touch SQN_HE).
     */
    public static Optional<Sqn> recover(AkaCredentials subscriber, Rand rand, Auts auts) {
        Milenage m = Milenage.of(subscriber.k(), subscriber.opc());
        Sqn sqnMs = Sqn.ofOctets(xor(auts.concealedSqn(), m.f5Star(rand)));
        return m.f1Star(rand, sqnMs, Amf.RESYNC).equals(auts.macS()) ? Optional.of(sqnMs) : Optional.empty();
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
