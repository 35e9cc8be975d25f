package org.mtcgate.lab.cli;

import org.mtcgate.map.peer.MapFailure;

import java.util.Map;

/** Readable names of the MAP errors (TS 29.002 17.6) the SMS procedures return. */
final class MapErrorNames {
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

    static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MapFailure f) {
            if (f.kind() == MapFailure.Kind.MAP_ERROR && f.errorCode().isPresent()) {
                long code = f.errorCode().getAsLong();
                return "MAP error " + code + " " + NAMES.getOrDefault(code, "");
            }
            return f.kind() + ": " + f.getMessage();
        }
        return String.valueOf(cause);
    }

    /** The MAP error code of a failure, or -1. */
    static long code(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof MapFailure f && f.errorCode().isPresent() ? f.errorCode().getAsLong() : -1;
    }
}
