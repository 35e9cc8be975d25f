package org.mtcgate.core.config;

import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The whole node configuration, read from one YAML file (config/mtcgate.yaml). Paths are resolved against the
 * file's folder.
 *
 * @param source      the file it was read from
 * @param name        the node's name in logs and on the console
 * @param dataDir     where durable state lives (trigger store, host keys, lab PKI, jSS7 persistence)
 * @param roles       the network functions this node plays
 * @param policyFile  the filter policy
 * @param subscribers the embedded subscriber store, or null
 * @param diameter    the Diameter endpoint, or null when no Diameter role is on
 * @param mtcIwf      MTC-IWF settings
 * @param ss7         the SS7 side, or null when no MAP role is on
 * @param smsSc       SMS-SC settings, or null when the role is off
 * @param smsRouter   SMS Router settings, or null when the role is off
 * @param console     the SSH operator console, or null when off
 * @param metricsListen where the Prometheus endpoint listens, or null when off
 * @param audit       the audit log
 * @param tsms        the SMS-SC's SMPP server for SMEs, or null when off
 * @param t8          the SCEF's T8 endpoint, or null when the scef role is off
 * @param bsf         BSF settings, or null when the role is off
 * @param logging     levels, console and log file ({@link LoggingSettings#DEFAULT} without a {@code logging:} section)
 * @param trace       the signalling capture to write from start ({@code trace.pcap}), or null when none
 */
public record NodeConfig(String source, String name, Path dataDir, Set<Role> roles, Path policyFile, Path subscribers,
                         DiameterSettings diameter, MtcIwf mtcIwf, Ss7Settings ss7, SmsScSettings smsSc, RouterSettings smsRouter,
                         org.mtcgate.core.console.ConsoleConfig console, java.net.InetSocketAddress metricsListen, Audit audit,
                         TsmsConfig tsms, T8Config t8, BsfSettings bsf, LoggingSettings logging,
                         org.mtcgate.core.capture.CaptureSettings trace) {
    public NodeConfig {
        roles = Set.copyOf(roles);
        logging = logging == null ? LoggingSettings.DEFAULT : logging;
    }

    /** Without a capture from start. */
    public NodeConfig(String source, String name, Path dataDir, Set<Role> roles, Path policyFile, Path subscribers,
                      DiameterSettings diameter, MtcIwf mtcIwf, Ss7Settings ss7, SmsScSettings smsSc, RouterSettings smsRouter,
                      org.mtcgate.core.console.ConsoleConfig console, java.net.InetSocketAddress metricsListen, Audit audit,
                      TsmsConfig tsms, T8Config t8, BsfSettings bsf, LoggingSettings logging) {
        this(source, name, dataDir, roles, policyFile, subscribers, diameter, mtcIwf, ss7, smsSc, smsRouter, console,
                metricsListen, audit, tsms, t8, bsf, logging, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * @param hss             an external HSS over S6m, or null for the embedded subscriber store
     * @param t4              an external SMS-SC over T4, or null for the node's own SMS-SC role
     * @param defaultValidity Validity-Time when the SCS gives none
     * @param maxValidity     longest Validity-Time accepted
     * @param maxPayload      largest trigger payload in octets
     * @param fsync           force each store commit to the device (power-loss safety at a throughput cost)
     */
    /**
     * @param dir        where audit.jsonl and its rotated files go
     * @param revealImsi write IMSIs in full (off: masked to MCC+MNC)
     */
    public record Audit(Path dir, boolean revealImsi) {
    }

    /**
     * @param scsIdentities per SCS Diameter identity (lower case), the SCS-Identity values it may claim besides
     *                      that identity (TS 23.682: e.g. an MSISDN); empty when none are configured
     */
    public record MtcIwf(Duration defaultValidity, Duration maxValidity, int maxPayload, boolean fsync, Hss hss, T4 t4,
                         Map<String, Set<String>> scsIdentities, GbaPushRequired gbaPushRequired) {
        public MtcIwf {
            scsIdentities = Map.copyOf(scsIdentities);
        }

        public MtcIwf(Duration defaultValidity, Duration maxValidity, int maxPayload, boolean fsync, Hss hss, T4 t4,
                      Map<String, Set<String>> scsIdentities) {
            this(defaultValidity, maxValidity, maxPayload, fsync, hss, t4, scsIdentities, GbaPushRequired.NONE);
        }

        public MtcIwf(Duration defaultValidity, Duration maxValidity, int maxPayload, boolean fsync, Hss hss, T4 t4) {
            this(defaultValidity, maxValidity, maxPayload, fsync, hss, t4, Map.of());
        }
    }

    /**
     * {@code mtc-iwf.require-gba-push}: the UEs that take GBA-Push-protected triggers only; a plain trigger for them is
     * refused with NOTAUTHORIZED.
     *
     * @param externalIdDomains External-Identifier domains (lower case)
     * @param imsis             IMSIs
     */
    public record GbaPushRequired(Set<String> externalIdDomains, Set<String> imsis) {
        public static final GbaPushRequired NONE = new GbaPushRequired(Set.of(), Set.of());

        public GbaPushRequired {
            externalIdDomains = Set.copyOf(externalIdDomains);
            imsis = Set.copyOf(imsis);
        }

        public boolean isEmpty() {
            return externalIdDomains.isEmpty() && imsis.isEmpty();
        }
    }

    /**
     * An external HSS asked over S6m instead of the embedded subscriber store.
     *
     * @param cacheTtl how long a found subscriber is reused without a new SIR
     */
    public record Hss(String host, String realm, Duration cacheTtl) {
    }

    /**
     * An external SMS-SC reached over T4 instead of the node's own SMS-SC role.
     *
     * @param smeAddress the SM-RP-SMEA (originating SME address) of triggers, an E.164 number
     */
    public record T4(String host, String realm, String smeAddress) {
    }
}
