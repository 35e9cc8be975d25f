package org.mtcgate.gba.aka;

import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Res;
import org.mtcgate.gba.Sqn;
import org.mtcgate.gba.milenage.Milenage;

/**
 * The USIM's side of AKA (TS 33.102 6.3.3): check MAC-A, then the freshness of SQN, then answer RES, CK, IK, or
 * AUTS on a sequence failure. For tests and lab UEs; the sequence state is passed in and a new one returned.
 */
public final class Usim {
    private final AkaCredentials credentials;

    public Usim(AkaCredentials credentials) {
        this.credentials = credentials;
    }

    /** What the USIM answers to AUTHENTICATE. */
    public sealed interface Response permits Success, SyncFailure, MacFailure {
    }

    /** AUTN verified and SQN fresh: RES, CK, IK and the state that now remembers SQN. */
    public record Success(Res res, Ck ck, Ik ik, UsimSequenceState next) implements Response {
        @Override
        public String toString() {
            return "Usim.Success[secret]";
        }
    }

    /** MAC-A right but SQN not fresh: AUTS for the network to re-synchronise (state unchanged). */
    public record SyncFailure(Auts auts) implements Response {
    }

    /** MAC-A wrong: the network is not authenticated; nothing else is said (TS 33.102 6.3.3). */
    public record MacFailure() implements Response {
    }

    public Response authenticate(UsimSequenceState state, Rand rand, Autn autn) {
        Milenage m = Milenage.of(credentials.k(), credentials.opc());
        Milenage.Outputs o = m.f2345(rand);
        Sqn sqn = Sqn.ofOctets(AuthenticationCentre.xor(autn.concealedSqn(), o.ak()));
        if (!m.f1(rand, sqn, autn.amf()).equals(autn.macA())) {
            return new MacFailure();
        }
        if (!state.accepts(sqn)) {
            Sqn sqnMs = state.highest();
            byte[] concealed = AuthenticationCentre.xor(sqnMs.octets(), m.f5Star(rand));
            return new SyncFailure(Auts.of(concealed, m.f1Star(rand, sqnMs, Amf.RESYNC)));
        }
        return new Success(o.res(), o.ck(), o.ik(), state.after(sqn));
    }
}
