package org.mtcgate.lab.cli;

import org.mtcgate.bsf.zpn.ZpnClient;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.MtcgateEnvelope1;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.gba.push.MtcgateGpl1;
import org.mtcgate.lab.gba.PushNaf;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code scs trigger --gba-push}: the SCS as Push-NAF (TS 33.187 with TS 33.223) asks the BSF over Zpn for a GPI for
 * the UE and protects the payload with GPL; the Device-Action then carries GPI envelope and protected payload. The
 * formats are this project's profiles (mtcgate-gpi-1, mtcgate-gpi-envelope-1, mtcgate-gpl-1), not 3GPP's.
 */
final class GbaPushOptions {
    static final String PROFILES = "profiles mtcgate-gpi-1 (not 3GPP TS 33.223), mtcgate-gpi-envelope-1 (not 3GPP TS 24.109), "
            + "mtcgate-gpl-1 (not 3GPP TS 33.224)";

    @Option(names = "--gba-push", description = "protect the payload with GBA Push: a GPI from the BSF over Zpn and GPL ("
            + "the project's profiles, not 3GPP formats)")
    boolean enabled;

    @Option(names = "--naf-id", description = "with --gba-push: this Push-NAF's FQDN in NAF_Id (Ua protocol id 01 00 00 00 05, GPL)")
    String nafFqdn;

    @Option(names = "--impi", description = "with --gba-push: the UE's private identity (IMPI), as the BSF knows it")
    String impi;

    @Option(names = "--bsf", description = "with --gba-push: the BSF's Diameter address host:port (default: --mtc-iwf)")
    String bsf;

    @Option(names = "--bsf-host", description = "with --gba-push: the BSF's Diameter identity (default: --mtc-iwf-host)")
    String bsfHost;

    @Option(names = "--key-lifetime", defaultValue = "3600",
            description = "with --gba-push: seconds the NAF key should live (the BSF may cap it; default ${DEFAULT-VALUE})")
    long keyLifetime;

    /** Null when the options go together, else what is wrong. */
    String problem(ScsOptions scs) {
        if (!enabled) {
            return nafFqdn != null || impi != null || bsf != null || bsfHost != null ? "--naf-id, --impi, --bsf and --bsf-host "
                    + "go with --gba-push" : null;
        }
        if (nafFqdn == null || impi == null) {
            return "--gba-push needs --naf-id and --impi";
        }
        try {
            new NafId(nafFqdn, UaSecurityProtocolId.GPL);
            new Impi(impi);
            if (bsf != null) {
                ScsOptions.address(bsf, "--bsf");
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return keyLifetime > 0 ? null : "--key-lifetime must be positive";
    }

    String bsfHost(ScsOptions scs) {
        return bsfHost != null ? bsfHost : scs.mtcIwfHost;
    }

    /** Whether the BSF is the MTC-IWF's node: then Zpn shares the Tsp connection. */
    boolean sharesPeer(ScsOptions scs) {
        return bsfHost(scs).equalsIgnoreCase(scs.mtcIwfHost) && (bsf == null || bsf.equals(scs.mtcIwf));
    }

    /**
     * The protected payload, printing what was done; empty (and the reason on {@code err}) when the BSF gave no GPI.
     *
     * @param shared the Tsp node when it also reaches the BSF, else null (a connection of its own is made)
     */
    Optional<byte[]> protect(ScsOptions scs, DiameterNode shared, byte[] payload, PrintWriter out, PrintWriter err)
            throws Exception {
        String host = bsfHost(scs);
        DiameterNode own = null;
        try {
            DiameterNode node = shared;
            if (node == null) {
                own = new DiameterNode(scs.config(host, ScsOptions.address(bsf == null ? scs.mtcIwf : bsf, "--bsf"), PeerRole.HSS));
                own.supportApplication(ApplicationIds.ZPN).start();
                try {
                    own.whenPeerOpen(host).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    err.println("scs: no Zpn connection to BSF " + host + ": " + e.getMessage());
                    return Optional.empty();
                }
                node = own;
            }
            PushNaf naf = new PushNaf(new ZpnClient(node, ScsOptions.realmOf(host), Optional.of(host), new MtcgateGpi1()),
                    new MtcgateEnvelope1(), new MtcgateGpl1());
            PushNaf.Outcome o = naf.protect(new Impi(impi), new NafId(nafFqdn, UaSecurityProtocolId.GPL), payload,
                    Instant.now().plus(Duration.ofSeconds(keyLifetime))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (o instanceof PushNaf.Refused r) {
                err.println("scs: the BSF " + host + " gave no GPI: " + r.reason() + " (" + r.code() + ")");
                return Optional.empty();
            }
            PushNaf.Protected p = (PushNaf.Protected) o;
            out.println("GBA Push: GPI of " + p.gpiOctets() + " octets from BSF " + host + " for " + impi + ", P-TID "
                    + p.sa().ptid().display() + ", SA " + p.sa().randAtNaf() + ", key until " + p.sa().keyExpiry());
            out.println("GBA Push: payload of " + payload.length + " octets protected, GPL SN " + p.sn() + "; " + p.payload().length
                    + " octets go in the Device-Action (" + PROFILES + ")");
            return Optional.of(p.payload());
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
