package org.mtcgate.lab.cli;

import org.mtcgate.map.client.MapFailure;

/** How the CLI's load tools print a failed MAP operation; the classification itself is the MAP client's. */
final class MapErrorNames {
    private MapErrorNames() {
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof MapFailure f ? f.outcome().describe() : String.valueOf(cause);
    }

    /** The MAP error code of a failure, or -1. */
    static long code(Throwable failure) {
        return unwrap(failure) instanceof MapFailure f ? f.outcome().errorCode() : -1;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }
}
