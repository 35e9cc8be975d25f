package org.mtcgate.lab.cli;

import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.lab.gba.GbaUe;
import org.mtcgate.lab.gba.GbaUeException;
import org.mtcgate.lab.gba.NafClient;
import org.mtcgate.lab.gba.UbClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mtcgate sim ue-gba}: a UE with a software USIM that bootstraps with a BSF over Ub and derives Ks_NAF. */
@Command(name = "ue-gba", mixinStandardHelpOptions = true,
        description = "A UE with a software USIM (Milenage: K, OPc, SQN) that bootstraps with a BSF over Ub (HTTPS, HTTP "
                + "Digest AKA), resynchronising if its SQN is ahead, and prints the B-TID, the key lifetime and Ks_NAF for "
                + "each NAF given; with --naf-url it then authenticates to that NAF with Ks_NAF (HTTP Digest, TS 33.222 "
                + "style) and prints what the NAF answered. K, OPc and Ks are never printed.")
final class SimUeGbaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bsf", defaultValue = "https://127.0.0.1:8443/", description = "the BSF's Ub URL (default ${DEFAULT-VALUE})")
    URI bsf;

    @Option(names = "--bsf-name", defaultValue = "bsf.operator.example.net",
            description = "the BSF's server name, which its certificate must bear (default ${DEFAULT-VALUE})")
    String bsfName;

    @Option(names = "--ca", defaultValue = "data/pki/ca.crt", description = "the CA the BSF's certificate chains to (default ${DEFAULT-VALUE})")
    Path ca;

    @Option(names = "--impi", required = true, description = "the subscriber's IMPI")
    String impi;

    @Option(names = "--k", required = true, description = "the USIM's K, 32 hex digits (never printed)")
    String k;

    @Option(names = "--opc", required = true, description = "the USIM's OPc, 32 hex digits (never printed)")
    String opc;

    @Option(names = "--sqn", defaultValue = "0",
            description = "the highest SEQ the USIM has accepted (0: none); above the HSS's it makes the UE resynchronise")
    long seq;

    @Option(names = "--naf", split = ",", description = "NAF FQDNs to derive Ks_NAF for (Ua protocol id: --ua)")
    List<String> nafs = List.of();

    @Option(names = "--ua", defaultValue = "0100000002",
            description = "Ua security protocol id, 10 hex digits (default ${DEFAULT-VALUE}: HTTP digest, TS 24.109)")
    String ua;

    @Option(names = "--naf-url", description = "a NAF's Ua URL (HTTPS) to authenticate to with Ks_NAF after bootstrapping "
            + "(mtcgate scs naf)")
    URI nafUrl;

    @Option(names = "--naf-id", description = "the FQDN of the NAF at --naf-url: its NAF_Id (with --ua), its realm's host and "
            + "the name its certificate must bear (default: the URL's host)")
    String nafId;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        AkaCredentials credentials;
        UaSecurityProtocolId uaId;
        try {
            credentials = new AkaCredentials(new Impi(impi), SubscriberKey.ofHex(k), OpC.ofHex(opc));
            uaId = UaSecurityProtocolId.ofHex(ua);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        UsimSequenceState state = seq == 0 ? UsimSequenceState.initial()
                : UsimSequenceState.initial().after(SqnProfile.forSeq(seq));
        try {
            GbaUe.Bootstrapped b = new GbaUe(credentials, new UbClient(bsf, ca, bsfName)).bootstrap(state);
            out.line("B-TID " + b.btid() + " lifetime " + b.lifetime() + (b.resyncs() > 0 ? " after " + b.resyncs()
                    + " resynchronisation(s)" : "") + "; USIM SQN now SEQ " + b.usim().highest().seq());
            for (String fqdn : nafs) {
                NafId naf = new NafId(fqdn.trim(), uaId);
                out.line("Ks_NAF " + naf.fqdn() + " ua " + Hex.encode(uaId.octets()) + " = " + Hex.encode(b.nafKey(naf).octets()));
            }
            return nafUrl == null ? 0 : authenticate(out, b, uaId);
        } catch (GbaUeException e) {
            out.line("bootstrapping failed: " + e.getMessage());
            return 1;
        }
    }

    private int authenticate(SimLines out, GbaUe.Bootstrapped b, UaSecurityProtocolId uaId) throws Exception {
        String fqdn = nafId != null ? nafId : nafUrl.getHost();
        NafId naf;
        try {
            naf = new NafId(fqdn, uaId);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--naf-id: " + e.getMessage());
        }
        try {
            NafClient.Authenticated a = new NafClient(new UbClient(nafUrl, ca, fqdn)).authenticate(b, naf);
            out.line("NAF " + fqdn + " accepted B-TID " + a.btid() + ": " + a.resource());
            return 0;
        } catch (GbaUeException e) {
            out.line("NAF " + fqdn + " authentication failed: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            out.line("NAF " + fqdn + " at " + nafUrl + " could not be reached: " + e);
            return 1;
        }
    }
}
