package org.mtcgate.lab.gba;

import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.push.GpiCodec;
import org.mtcgate.gba.push.GpiEnvelopeCodec;
import org.mtcgate.gba.push.GplCipherSuite;
import org.mtcgate.gba.push.GplDirection;
import org.mtcgate.gba.push.GplReceiver;
import org.mtcgate.gba.push.NafSa;
import org.mtcgate.gba.push.PushRejectedException;
import org.mtcgate.gba.push.PushTrigger;
import org.mtcgate.gba.push.PushUe;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A UE with a software USIM that reads GBA-Push-protected device triggers (TS 33.223, TS 33.187): the payload is a GPI
 * envelope and a GPL message (the project's profiles, not 3GPP formats). A GPI it has not seen is processed by
 * {@link PushUe} (NAF_Id, AUTN and SQN at the USIM, MAC, P-TID) and sets up a NAF SA; the GPL message is then opened
 * under that SA with its SN_h replay check. A trigger carrying, octet for octet, a GPI it already processed is read
 * under the SA it holds, so a replayed trigger fails on SN_h; a changed GPI goes to the USIM again (and fails there
 * on SQN, or on the MAC). Keeps the USIM's sequence state and the SAs; thread-safe.
 */
public final class PushTriggerUe {
    private final PushUe ue;
    private final GpiCodec gpiCodec;
    private final GpiEnvelopeCodec envelopes;
    private final GplCipherSuite gpl;
    private final Clock clock;
    /** The SAs held, by GPI; the oldest goes when more than {@link #MAX_SAS} are held (a lab UE runs for days). */
    private final Map<String, GplReceiver> sas = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GplReceiver> eldest) {
            return size() > MAX_SAS;
        }
    };
    static final int MAX_SAS = 1024;
    private UsimSequenceState usim;

    public PushTriggerUe(AkaCredentials credentials, Set<NafId> acceptedNafs, UsimSequenceState usim, GpiCodec gpiCodec,
                         GpiEnvelopeCodec envelopes, GplCipherSuite gpl, Clock clock) {
        this.ue = new PushUe(credentials, gpiCodec, acceptedNafs);
        this.usim = usim;
        this.gpiCodec = gpiCodec;
        this.envelopes = envelopes;
        this.gpl = gpl;
        this.clock = clock;
    }

    /** A trigger read: its payload, the SA it came under, its GPL sequence number and whether the GPI was new. */
    public record Read(byte[] payload, NafSa sa, long sn, boolean newSa) {
    }

    /** @throws PushRejectedException with the reason the trigger was refused */
    public synchronized Read receive(byte[] triggerPayload) throws PushRejectedException {
        PushTrigger t = envelopes.decode(triggerPayload);
        // the SA is found by the whole GPI, never by RAND alone: a changed GPI is processed (and refused) afresh
        String key = HexFormat.of().formatHex(t.envelope().gpi());
        GplReceiver receiver = sas.get(key);
        boolean fresh = receiver == null;
        if (fresh) {
            PushUe.Accepted a = ue.accept(t.envelope().gpi(), usim, clock.instant());
            receiver = GplReceiver.of(gpl, a.sa(), GplDirection.DOWNLINK);
            usim = a.usim();
        } else if (!receiver.sa().validAt(clock.instant())) {
            throw new PushRejectedException(PushRejectedException.Kind.EXPIRED, "the NAF SA " + receiver.sa().randAtNaf()
                    + " expired at " + receiver.sa().keyExpiry());
        }
        try {
            GplReceiver.Received r = receiver.receive(t.gplMessage());
            sas.put(key, r.next());
            return new Read(r.payload(), receiver.sa(), r.sn(), fresh);
        } catch (PushRejectedException e) {
            if (fresh) {
                sas.put(key, receiver); // the GPI was good: keep its SA, so its next message can still be read
            }
            throw e;
        }
    }

    /** Whether a payload is a protected trigger by the envelope's marker (else a plain trigger). */
    public boolean recognises(byte[] payload) {
        return envelopes.recognises(payload);
    }

    public synchronized UsimSequenceState usim() {
        return usim;
    }
}
