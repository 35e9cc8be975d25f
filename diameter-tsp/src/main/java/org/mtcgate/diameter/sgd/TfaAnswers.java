package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;

/** The MME's answers to a TFR (TS 29.338 6.3.2), for simulators and tests of the SMS-SC side. */
public final class TfaAnswers {
    private TfaAnswers() {
    }

    /** 2001: the UE acknowledged the SM. */
    public static DiameterMessage delivered(DiameterMessage tfr, RequestContext context) {
        return context.answer(tfr, 2001).avp(SgdAvps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1)).build();
    }

    /** DIAMETER_ERROR_ABSENT_USER with an Absent-User-Diagnostic-SM (a TS 23.040 absent diagnostic). */
    public static DiameterMessage absent(DiameterMessage tfr, RequestContext context, long diagnostic) {
        return experimental(tfr, context, SgdResultCodes.DIAMETER_ERROR_ABSENT_USER)
                .avp(SgdAvps.absentUserDiagnosticSm(diagnostic)).build();
    }

    public static DiameterMessage userUnknown(DiameterMessage tfr, RequestContext context) {
        return experimental(tfr, context, SgdResultCodes.DIAMETER_ERROR_USER_UNKNOWN).build();
    }

    /** DIAMETER_ERROR_SM_DELIVERY_FAILURE with its SM-Delivery-Failure-Cause. */
    public static DiameterMessage deliveryFailure(DiameterMessage tfr, RequestContext context, SmDeliveryFailureCause cause) {
        return experimental(tfr, context, SgdResultCodes.DIAMETER_ERROR_SM_DELIVERY_FAILURE)
                .avp(SgdAvps.smDeliveryFailureCause(cause)).build();
    }

    public static DiameterMessage.Builder experimental(DiameterMessage tfr, RequestContext context, long code) {
        return Answers.experimental(tfr, context, code).avp(SgdAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1));
    }
}
