package org.mtcgate.lab.cli;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.MtcgateEnvelope1;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.gba.push.MtcgateGpl1;
import org.mtcgate.lab.gba.PushTriggerReader;
import org.mtcgate.lab.gba.PushTriggerUe;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code sim msc --push-ue IMSI ...}: hand the SMs the MSC delivers to that IMSI to a software UE (USIM with
 * Milenage K/OPc/SQN, GBA_ME) that reads GBA-Push-protected triggers (the project's profiles, not 3GPP formats).
 */
final class PushUeOptions {
    @Option(names = "--push-ue", paramLabel = "IMSI", description = "hand the SMs for this IMSI to a software UE that reads "
            + "GBA Push triggers (profiles mtcgate-gpi-1, mtcgate-gpl-1: not 3GPP formats)")
    String imsi;

    @Option(names = "--push-impi", description = "the UE's IMPI")
    String impi;

    @Option(names = "--push-k", description = "the USIM's K, 32 hex digits (never printed)")
    String k;

    @Option(names = "--push-opc", description = "the USIM's OPc, 32 hex digits (never printed)")
    String opc;

    @Option(names = "--push-sqn", defaultValue = "0", description = "the highest SEQ the USIM has accepted (0: none)")
    long seq;

    @Option(names = "--push-naf", split = ",", description = "the Push-NAF FQDNs the UE accepts (NAF_Id with Ua id 01 00 00 00 05)")
    List<String> nafs = List.of();

    @Option(names = "--push-only", description = "the UE refuses triggers without a GPI envelope")
    boolean pushOnly;

    /** The reader for {@link #imsi}, or empty when no software UE is asked for. */
    Optional<PushTriggerReader> reader() {
        if (imsi == null) {
            return Optional.empty();
        }
        if (impi == null || k == null || opc == null || nafs.isEmpty()) {
            throw new IllegalArgumentException("--push-ue needs --push-impi, --push-k, --push-opc and --push-naf");
        }
        AkaCredentials c = new AkaCredentials(new Impi(impi), SubscriberKey.ofHex(k), OpC.ofHex(opc));
        UsimSequenceState state = seq == 0 ? UsimSequenceState.initial() : UsimSequenceState.initial().after(SqnProfile.forSeq(seq));
        PushTriggerUe ue = new PushTriggerUe(c, nafs.stream().map(f -> new NafId(f.trim(), UaSecurityProtocolId.GPL))
                .collect(Collectors.toSet()), state, new MtcgateGpi1(), new MtcgateEnvelope1(), new MtcgateGpl1(),
                Clock.systemUTC());
        return Optional.of(new PushTriggerReader("UE " + imsi, ue, pushOnly));
    }
}
