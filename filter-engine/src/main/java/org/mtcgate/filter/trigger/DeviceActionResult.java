package org.mtcgate.filter.trigger;

import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;

import java.util.Objects;

/**
 * The MTC-IWF's answer to a Device-Action, before Diameter: Request-Status for the Device-Notification of the
 * DAA, why, the filter verdict when the filter decided, and the SMS-SC's MTC-Error-Diagnostic when it gave one.
 */
public record DeviceActionResult(RequestStatus requestStatus, String reason, Verdict verdict, Integer mtcErrorDiagnostic) {
    public DeviceActionResult {
        Objects.requireNonNull(requestStatus, "requestStatus");
        Objects.requireNonNull(reason, "reason");
    }

    public DeviceActionResult(RequestStatus requestStatus, String reason, Verdict verdict) {
        this(requestStatus, reason, verdict, null);
    }

    public static DeviceActionResult of(RequestStatus status, String reason) {
        return new DeviceActionResult(status, reason, null);
    }

    public boolean isSuccess() {
        return requestStatus == RequestStatus.SUCCESS;
    }

    /**
     * Whether the trigger went to the SMS-SC: SUCCESS, or ORIGINALMESSAGESENT for a replacement sent on its own
     * because the original was gone. Anything else the filter allowed was refused after it.
     */
    public boolean triggerTaken() {
        return isSuccess() || requestStatus == RequestStatus.ORIGINALMESSAGESENT;
    }
}
