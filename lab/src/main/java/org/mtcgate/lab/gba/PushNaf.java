package org.mtcgate.lab.gba;

import org.mtcgate.bsf.zpn.ZpnClient;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.push.GpiEnvelope;
import org.mtcgate.gba.push.GpiEnvelopeCodec;
import org.mtcgate.gba.push.GplCipherSuite;
import org.mtcgate.gba.push.GplDirection;
import org.mtcgate.gba.push.GplSender;
import org.mtcgate.gba.push.NafSa;
import org.mtcgate.gba.push.Ptid;
import org.mtcgate.gba.push.PushTrigger;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

/**
 * The Push-NAF of an SCS (TS 33.187 with TS 33.223): asks the BSF over Zpn for a GPI for the UE, protects the trigger
 * payload with GPL under the new NAF SA (SN 1), and puts GPI envelope and protected payload in one trigger payload.
 * Each trigger gets its own GPI (disposable Ks) and a fresh P-TID and session identifier.
 */
public final class PushNaf {
    private final ZpnClient zpn;
    private final GpiEnvelopeCodec envelopes;
    private final GplCipherSuite gpl;
    private final SecureRandom random = new SecureRandom();

    public PushNaf(ZpnClient zpn, GpiEnvelopeCodec envelopes, GplCipherSuite gpl) {
        this.zpn = zpn;
        this.envelopes = envelopes;
        this.gpl = gpl;
    }

    /** What goes into the Device-Action, and the SA it was protected under. */
    public sealed interface Outcome permits Protected, Refused {
    }

    public record Protected(byte[] payload, NafSa sa, long sn, int gpiOctets) implements Outcome {
    }

    /** The BSF gave no GPI. */
    public record Refused(long code, String reason) implements Outcome {
    }

    public CompletionStage<Outcome> protect(Impi ue, NafId naf, byte[] payload, Instant keyExpiry) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        Ptid ptid = Ptid.ofText("ptid-" + HexFormat.of().formatHex(id));
        int session = random.nextInt(0x10000);
        return zpn.gpi(ue, naf, ptid, keyExpiry).thenApply(o -> {
            if (o instanceof ZpnClient.Refused r) {
                return new Refused(r.code(), r.reason());
            }
            ZpnClient.Served s = (ZpnClient.Served) o;
            GplSender.Sent sent = GplSender.of(gpl, s.sa(), GplDirection.DOWNLINK).send(payload);
            byte[] out = envelopes.encode(new PushTrigger(new GpiEnvelope(session, s.gpi()), sent.message()));
            return new Protected(out, s.sa(), sent.sn(), s.gpi().length);
        });
    }
}
