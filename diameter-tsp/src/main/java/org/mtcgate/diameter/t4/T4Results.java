package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestException;
import org.mtcgate.diameter.s6m.AnswerResult;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.SubmissionResult;

/**
 * DTA results (TS 29.337 6.2.4, result codes 7.3) against the Request-Status the SCS hears, both ways. TS 29.368
 * 6.4.9 prescribes the mapping: every TS 29.337 7.3 code is PERMANENTERROR unless named otherwise, and names
 * three.
 *
 * <table>
 * <tr><th>DTA</th><th>Request-Status</th></tr>
 * <tr><td>2001</td><td>SUCCESS</td></tr>
 * <tr><td>5533 TRIGGER_REPLACE_FAILURE (7.3.5)</td><td>REPLACEFAIL</td></tr>
 * <tr><td>5534 TRIGGER_RECALL_FAILURE (7.3.6)</td><td>RECALLFAIL</td></tr>
 * <tr><td>5535 ORIGINAL_MESSAGE_NOT_PENDING (7.3.7)</td><td>ORIGINALMESSAGESENT</td></tr>
 * <tr><td>5531 SC_CONGESTION</td><td>TEMPORARYERROR (congestion passes; the SCS may retry)</td></tr>
 * <tr><td>5530 INVALID_SME_ADDRESS, 5532 SM_PROTOCOL, any other 5xxx</td><td>PERMANENTERROR</td></tr>
 * <tr><td>no answer, 3xxx (3002, 3004 TOO_BUSY...)</td><td>TEMPORARYERROR ("unspecified temporary errors")</td></tr>
 * </table>
 */
public final class T4Results {
    /** How an SMS-SC answers a DTR: a base Result-Code or a 3GPP Experimental-Result-Code. */
    public record T4Answer(long code, boolean experimental, Long mtcErrorDiagnostic) {
    }

    private T4Results() {
    }

    public static SubmissionResult fromDta(DiameterMessage dta) {
        AnswerResult r = AnswerResult.of(dta);
        Integer diag = dta.avp(AvpCodes.MTC_ERROR_DIAGNOSTIC, VendorIds.TGPP).filter(a -> a.dataLength() == 4)
                .map(a -> a.unsigned32()).filter(v -> v <= 1).map(Long::intValue).orElse(null);
        String diagnostic = diag == null ? "" : diag == 0 ? " (original message not deleted)" : " (new message not stored)";
        if (r.isSuccess()) {
            return SubmissionResult.accepted();
        }
        String reason = "SMS-SC answered " + r + diagnostic;
        if (r.experimental()) {
            RequestStatus s = switch ((int) r.code()) {
                case (int) T4ResultCodes.DIAMETER_ERROR_TRIGGER_REPLACE_FAILURE -> RequestStatus.REPLACEFAIL;
                case (int) T4ResultCodes.DIAMETER_ERROR_TRIGGER_RECALL_FAILURE -> RequestStatus.RECALLFAIL;
                case (int) T4ResultCodes.DIAMETER_ERROR_ORIGINAL_MESSAGE_NOT_PENDING -> RequestStatus.ORIGINALMESSAGESENT;
                // Congestion passes: the SCS may try again later, so it hears TEMPORARYERROR, not PERMANENTERROR.
                case (int) T4ResultCodes.DIAMETER_ERROR_SC_CONGESTION -> RequestStatus.TEMPORARYERROR;
                default -> RequestStatus.PERMANENTERROR;
            };
            return new SubmissionResult(s, reason, diag);
        }
        if (r.code() >= 3000 && r.code() < 4000) {
            return SubmissionResult.refused(RequestStatus.TEMPORARYERROR, reason);
        }
        return SubmissionResult.refused(RequestStatus.PERMANENTERROR, reason);
    }

    /** The outcome when no DTA came. */
    public static SubmissionResult fromFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof DiameterRequestException)) {
            cause = cause.getCause();
        }
        String why = cause instanceof DiameterRequestException dre ? dre.reason().toString() : cause.getClass().getSimpleName();
        return SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "no DTA from the SMS-SC: " + why);
    }

    /**
     * The DTA an SMS-SC sends for its engine's verdict. REPLACEFAIL, RECALLFAIL and ORIGINALMESSAGESENT have their
     * own codes; the engine's load refusals (TEMPORARYERROR, SERVICEUNAVAILABLE, QUOTAEXCEEDED, RATEEXCEEDED)
     * become 5531 SC_CONGESTION, INVPAYLOAD becomes 5532 SM_PROTOCOL, the rest 5012 DIAMETER_UNABLE_TO_COMPLY.
     * The MTC-IWF reads 5531 back as TEMPORARYERROR and the rest but the first three as PERMANENTERROR.
     */
    public static T4Answer toDta(SubmissionResult result) {
        return switch (result.status()) {
            case SUCCESS -> new T4Answer(ResultCode.DIAMETER_SUCCESS.code(), false, null);
            case TEMPORARYERROR, SERVICEUNAVAILABLE, QUOTAEXCEEDED, RATEEXCEEDED ->
                    new T4Answer(T4ResultCodes.DIAMETER_ERROR_SC_CONGESTION, true, null);
            case INVPAYLOAD -> new T4Answer(T4ResultCodes.DIAMETER_ERROR_SM_PROTOCOL, true, null);
            case REPLACEFAIL -> new T4Answer(T4ResultCodes.DIAMETER_ERROR_TRIGGER_REPLACE_FAILURE, true,
                    result.mtcErrorDiagnostic() == null ? 1L : (long) result.mtcErrorDiagnostic());
            case RECALLFAIL -> new T4Answer(T4ResultCodes.DIAMETER_ERROR_TRIGGER_RECALL_FAILURE, true,
                    result.mtcErrorDiagnostic() == null ? 0L : (long) result.mtcErrorDiagnostic());
            case ORIGINALMESSAGESENT -> new T4Answer(T4ResultCodes.DIAMETER_ERROR_ORIGINAL_MESSAGE_NOT_PENDING, true, null);
            default -> new T4Answer(ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(), false, null);
        };
    }
}
