package org.mtcgate.map.client;

import java.util.Map;

/** Readable names of the MAP errors (TS 29.002 17.6) the SMS procedures return. */
public final class MapErrorNames {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(1L, "unknownSubscriber"), Map.entry(5L, "unidentifiedSubscriber"),
            Map.entry(6L, "absentSubscriberSM"), Map.entry(9L, "illegalSubscriber"), Map.entry(12L, "illegalEquipment"),
            Map.entry(11L, "teleserviceNotProvisioned"), Map.entry(13L, "callBarred"),
            Map.entry(21L, "facilityNotSupported"), Map.entry(27L, "absentSubscriber"),
            Map.entry(31L, "subscriberBusyForMT-SMS"), Map.entry(32L, "sm-DeliveryFailure"),
            Map.entry(33L, "messageWaitingListFull"), Map.entry(34L, "systemFailure"), Map.entry(35L, "dataMissing"),
            Map.entry(36L, "unexpectedDataValue"));

    private MapErrorNames() {
    }

    /** The error's name, or "" for a code not listed. */
    public static String nameOf(long code) {
        return NAMES.getOrDefault(code, "");
    }
}
