package org.mtcgate.gba.push;

import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKeyDerivation;

import java.time.Instant;
import java.util.Set;

/**
 * The UE's processing of a GPI (TS 33.223, gba-facts 3.7): read it; refuse a NAF_Id the UE does not accept before
 * the USIM is asked; give RAND and AUTN to the USIM (GBA_ME: a 3G AUTHENTICATE), which authenticates the network and
 * checks SQN is fresh; Ks = CK || IK; check the GPI's MAC and decrypt P-TID; refuse an expired key; derive Ks_NAF.
 * The USIM's new sequence state is handed back only when the whole GPI is accepted, so a tampered copy does not use
 * up the genuine one.
 */
public final class PushUe {
    private final AkaCredentials credentials;
    private final Usim usim;
    private final GpiCodec codec;
    private final Set<NafId> acceptedNafs;

    /** @param acceptedNafs the NAF_Ids (FQDN and Ua protocol id) this UE's applications take pushes from */
    public PushUe(AkaCredentials credentials, GpiCodec codec, Set<NafId> acceptedNafs) {
        this.credentials = credentials;
        this.usim = new Usim(credentials);
        this.codec = codec;
        this.acceptedNafs = Set.copyOf(acceptedNafs);
    }

    /** An accepted GPI: the NAF SA, and the USIM's state after it. */
    public record Accepted(NafSa sa, UsimSequenceState usim) {
    }

    /** @throws PushRejectedException MALFORMED, NAF_ID, AUTN, SQN, MAC or EXPIRED, with the reason */
    public Accepted accept(byte[] gpi, UsimSequenceState state, Instant now) throws PushRejectedException {
        SealedGpi sealed = codec.read(gpi);
        if (!acceptedNafs.contains(sealed.nafId())) {
            throw new PushRejectedException(PushRejectedException.Kind.NAF_ID, "the GPI is for NAF_Id " + describe(sealed.nafId())
                    + ", which this UE does not accept pushes from");
        }
        if (sealed.mode() != GbaMode.GBA_ME) {
            throw PushRejectedException.malformed("the GPI asks for GBA_U; this UE runs GBA_ME only");
        }
        Usim.Response r = usim.authenticate(state, sealed.rand(), sealed.autn());
        if (r instanceof Usim.MacFailure) {
            throw new PushRejectedException(PushRejectedException.Kind.AUTN,
                    "the USIM refused the GPI's AUTN (MAC-A does not verify): the network is not authenticated");
        }
        if (r instanceof Usim.SyncFailure) {
            throw new PushRejectedException(PushRejectedException.Kind.SQN,
                    "the USIM found the GPI's SQN not fresh: a replayed or stale GPI");
        }
        Usim.Success ok = (Usim.Success) r;
        Ks ks = Ks.of(ok.ck(), ok.ik());
        Gpi opened = codec.open(sealed, ks);
        if (!now.isBefore(opened.keyExpiry())) {
            throw new PushRejectedException(PushRejectedException.Kind.EXPIRED,
                    "the GPI's NAF key expired at " + opened.keyExpiry());
        }
        return new Accepted(new NafSa(opened.ptid(), opened.rand(), opened.nafId(), credentials.impi(),
                NafKeyDerivation.ksNaf(ks, opened.rand(), credentials.impi(), opened.nafId()), opened.mode(),
                opened.keyExpiry()), ok.next());
    }

    static String describe(NafId naf) {
        return naf.fqdn() + " (Ua " + org.mtcgate.gba.Hex.encode(naf.uaProtocol().octets()) + ")";
    }
}
