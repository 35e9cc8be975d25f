package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestException;
import org.mtcgate.diameter.s6m.AnswerResult;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.DeliveryAttempt.Result;

/**
 * What one TFA (TS 29.338 6.3.2) means for the SMS-SC.
 *
 * <table>
 * <tr><th>TFA</th><th>attempt</th></tr>
 * <tr><td>2xxx</td><td>DELIVERED</td></tr>
 * <tr><td>5550 ABSENT_USER</td><td>ABSENT (message waiting; the HSS alerts when the UE is back)</td></tr>
 * <tr><td>5555 SM_DELIVERY_FAILURE</td><td>by SM-Enumerated-Delivery-Failure-Cause ({@link SmDeliveryFailureCause});
 *     without a readable cause TEMPORARY</td></tr>
 * <tr><td>5551 USER_BUSY_FOR_MT_SMS</td><td>TEMPORARY (the UE is busy with another SM)</td></tr>
 * <tr><td>5552 FACILITY_NOT_SUPPORTED</td><td>TEMPORARY: a limit of this MME, not of the subscriber, so the next
 *     serving node is tried</td></tr>
 * <tr><td>5001 USER_UNKNOWN, 5553 ILLEGAL_USER, 5554 ILLEGAL_EQUIPMENT, other 3GPP 5xxx</td><td>PERMANENT</td></tr>
 * <tr><td>3xxx (3002 UNABLE_TO_DELIVER, 3004 TOO_BUSY, 3007...), no answer, peer down</td><td>TEMPORARY</td></tr>
 * <tr><td>other base 5xxx (5004, 5005: the TFR itself was refused)</td><td>PERMANENT</td></tr>
 * <tr><td>no result, or an answer that is not a TFA</td><td>TEMPORARY, as if no answer had come</td></tr>
 * </table>
 */
public final class TfaResults {
    private TfaResults() {
    }

    public static DeliveryAttempt classify(DiameterMessage tfa) {
        if (tfa.applicationId() != ApplicationIds.SGD || tfa.commandCode() != CommandCodes.MT_FORWARD_SHORT_MESSAGE) {
            return attempt(Result.TEMPORARY, "the answer is not a TFA (application " + tfa.applicationId() + ", command "
                    + tfa.commandCode() + "): taken as no answer");
        }
        AnswerResult r = AnswerResult.of(tfa);
        if (r.code() < 0) {
            return attempt(Result.TEMPORARY, "the TFA has no Result-Code or Experimental-Result: taken as no answer");
        }
        if (r.isSuccess()) {
            return DeliveryAttempt.delivered();
        }
        if (r.experimental()) {
            return experimental(tfa, r);
        }
        String name = ResultCode.of(r.code()).map(Enum::name).orElse("Result-Code " + r.code());
        String detail = name + " (" + r.code() + ")" + errorMessage(tfa);
        if (r.code() >= 3000 && r.code() < 4000) {
            return attempt(Result.TEMPORARY, detail);
        }
        return attempt(Result.PERMANENT, detail);
    }

    private static DeliveryAttempt experimental(DiameterMessage tfa, AnswerResult r) {
        String name = SgdResultCodes.name(r.code());
        String detail = (name == null ? "Experimental-Result-Code" : name) + " (" + r.code() + ")";
        return switch ((int) r.code()) {
            case (int) SgdResultCodes.DIAMETER_ERROR_ABSENT_USER -> attempt(Result.ABSENT, detail + absentDiagnostic(tfa));
            case (int) SgdResultCodes.DIAMETER_ERROR_SM_DELIVERY_FAILURE -> deliveryFailure(tfa, detail);
            case (int) SgdResultCodes.DIAMETER_ERROR_USER_BUSY_FOR_MT_SMS,
                 (int) SgdResultCodes.DIAMETER_ERROR_FACILITY_NOT_SUPPORTED -> attempt(Result.TEMPORARY, detail);
            default -> attempt(r.code() >= 4000 && r.code() < 5000 ? Result.TEMPORARY : Result.PERMANENT, detail);
        };
    }

    private static DeliveryAttempt deliveryFailure(DiameterMessage tfa, String detail) {
        Avp group = tfa.avp(AvpCodes.SM_DELIVERY_FAILURE_CAUSE, VendorIds.TGPP).orElse(null);
        SmDeliveryFailureCause cause = null;
        if (group != null) {
            try {
                Avp e = TgppAvps.child(group.groupedAvps(), AvpCodes.SM_ENUMERATED_DELIVERY_FAILURE_CAUSE);
                cause = e == null || e.dataLength() != 4 ? null : SmDeliveryFailureCause.ofCode(e.unsigned32());
            } catch (RuntimeException malformed) {
                cause = null;
            }
        }
        if (cause == null) {
            return attempt(Result.TEMPORARY, detail + " without a known SM-Enumerated-Delivery-Failure-Cause");
        }
        return attempt(cause.result(), detail + ", " + cause);
    }

    private static String absentDiagnostic(DiameterMessage tfa) {
        return tfa.avp(AvpCodes.ABSENT_USER_DIAGNOSTIC_SM, VendorIds.TGPP).filter(a -> a.dataLength() == 4)
                .map(a -> ", Absent-User-Diagnostic-SM " + a.unsigned32()).orElse("");
    }

    private static String errorMessage(DiameterMessage m) {
        try {
            return m.avp(AvpCodes.ERROR_MESSAGE).map(a -> ": " + a.utf8()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The attempt when no TFA came: timeout, connection lost, no route to the MME, node stopping. */
    public static DeliveryAttempt fromFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof DiameterRequestException)) {
            cause = cause.getCause();
        }
        String why = cause instanceof DiameterRequestException dre ? dre.getMessage() : cause.toString();
        return attempt(Result.TEMPORARY, "no TFA: " + why);
    }

    private static DeliveryAttempt attempt(Result result, String detail) {
        return new DeliveryAttempt(result, detail);
    }
}
