package org.mtcgate.diameter.peer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.CommandCodes;

/**
 * What a configured peer is, and so which requests it may send to this node (TS 33.187 6.1: each interface is
 * used only by the function it connects). The rights are per application and command, since one application
 * carries requests in both directions: on Tsp the SCS sends DAR and the MTC-IWF sends DNR; on T4 the MTC-IWF
 * sends DTR and the SMS-SC sends DRR (TS 29.368 6.2, TS 29.337 6.2, TS 29.336 6.2); on SGd the SMS-SC sends TFR
 * to the MME (TS 29.338).
 */
public enum PeerRole {
    /** Services Capability Server: Device-Action requests on Tsp. */
    SCS(Map.of(ApplicationIds.TSP, Set.of(CommandCodes.DEVICE_ACTION))),
    /** MTC-IWF: Device-Notification on Tsp (to an SCS), Device-Trigger on T4, Subscriber-Information on S6m. */
    MTC_IWF(Map.of(ApplicationIds.TSP, Set.of(CommandCodes.DEVICE_NOTIFICATION),
            ApplicationIds.T4, Set.of(CommandCodes.DEVICE_TRIGGER),
            ApplicationIds.S6M, Set.of(CommandCodes.SUBSCRIBER_INFORMATION))),
    /** SMS-SC: Delivery-Report on T4 (to the MTC-IWF that sent the trigger), MT-Forward-Short-Message on SGd (to an MME). */
    SMS_SC(Map.of(ApplicationIds.T4, Set.of(CommandCodes.DELIVERY_REPORT),
            ApplicationIds.SGD, Set.of(CommandCodes.MT_FORWARD_SHORT_MESSAGE))),
    /** HSS/HLR: only answers (SIA); it sends this node no request. */
    HSS(Map.of()),
    /** MME: only answers TFR here; its own requests (MO-Forward-Short-Message) are not served by this node. */
    MME(Map.of()),
    /** BSF: Multimedia-Auth on Zh, to the HSS (TS 29.109; TS 33.220 4.4.3). */
    BSF(Map.of(ApplicationIds.ZH, Set.of(CommandCodes.MULTIMEDIA_AUTH))),
    /**
     * NAF: Bootstrapping-Info on Zn, to the BSF (TS 29.109; TS 33.220 4.5.3); as a Push-NAF also GBAPush-Info on Zpn
     * (TS 33.223), which the BSF grants per NAF.
     */
    NAF(Map.of(ApplicationIds.ZN, Set.of(CommandCodes.BOOTSTRAPPING_INFO),
            ApplicationIds.ZPN, Set.of(CommandCodes.GBA_PUSH_INFO)));

    private final Map<Long, Set<Integer>> requests;

    PeerRole(Map<Long, Set<Integer>> requests) {
        this.requests = requests;
    }

    /** The applications in which this role sends requests. */
    public Set<Long> applications() {
        return requests.keySet();
    }

    /** The commands this role sends as requests in an application (none when it does not use it). */
    public Set<Integer> commands(long applicationId) {
        return requests.getOrDefault(applicationId, Set.of());
    }

    /** Whether a peer of this role may send this command as a request in this application. */
    public boolean mayRequest(long applicationId, int commandCode) {
        Set<Integer> commands = requests.get(applicationId);
        return commands != null && commands.contains(commandCode);
    }

    /** The name used in config files: scs, mtc-iwf, sms-sc, hss, mme, bsf, naf. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a config name (case-insensitive, '-' or '_'). */
    public static PeerRole parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PeerRole r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown peer role '" + text + "' (one of scs, mtc-iwf, sms-sc, hss, mme, bsf, naf)");
    }
}
