package org.mtcgate.filter;

/**
 * The path an item arrived on. TS 33.187 6.1 names the SMS-SC's three sources (Tsms, T4, SMS-IWMSC), the
 * MTC-IWF's Tsp and the SMS Router's Home Network Routing; 4.7 adds the SCEF's T8. Each has its own trusted senders.
 */
public enum Ingress {
    /** Device-Action request from an SCS over Tsp (TS 29.368), at the MTC-IWF. */
    TSP,
    /** Device-Trigger request from an MTC-IWF over T4 (TS 29.337), at the SMS-SC. */
    T4,
    /** SM submitted by an SME over Tsms, at the SMS-SC. */
    TSMS,
    /** MO SM relayed by an SMS-IWMSC (MO-ForwardSM), at the SMS-SC. */
    SMS_IWMSC_MO,
    /** MT-ForwardSM arriving at the SMS Router under Home Network Routing (TS 23.040 3.2.7a). */
    ROUTER_MT,
    /** Device triggering request from an SCS/AS over T8 (TS 29.122), at the SCEF; decided like Tsp, own senders. */
    T8;

    /** Parses the names used in policy files and on the command line, case-insensitively, '-' for '_'. */
    public static Ingress parse(String text) {
        String key = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Ingress ingress : values()) {
            if (ingress.name().equals(key)) {
                return ingress;
            }
        }
        throw new IllegalArgumentException("unknown ingress '" + text + "' (one of tsp, t4, tsms, sms-iwmsc-mo, router-mt, t8)");
    }
}
