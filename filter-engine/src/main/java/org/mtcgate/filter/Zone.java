package org.mtcgate.filter;

import java.util.Locale;

/**
 * Which side of the network edge a signalling link is on. Home: the operator's own MSC/VLRs, HLR and SMS-SCs.
 * Interconnect: gateways to other networks, where any GT may be written by anyone. A link is interconnect
 * unless configured otherwise: trust has to be given, never assumed.
 */
public enum Zone {
    HOME,
    INTERCONNECT;

    /** The name used in configuration and policy files: {@code home} or {@code interconnect}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code home} or {@code interconnect}, case-insensitively. */
    public static Zone parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (Zone zone : values()) {
            if (zone.name().equals(key)) {
                return zone;
            }
        }
        throw new IllegalArgumentException("unknown zone '" + text + "' (home or interconnect)");
    }
}
