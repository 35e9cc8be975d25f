package org.mtcgate.map.dialog;

import java.util.Locale;

/**
 * Why an incoming dialog could not be served as asked, with the answer it got. Each is counted under
 * {@link #counterName()}; none is a filter decision (those are verdicts).
 */
public enum ProtocolError {
    /** MT-ForwardSM to an MT Correlation ID the router never issued or has forgotten: unidentifiedSubscriber. */
    UNKNOWN_CORRELATION,
    /** MT-ForwardSM from another service centre than the one that asked SRI-for-SM: unidentifiedSubscriber. */
    SERVICE_CENTRE_MISMATCH,
    /** MT-ForwardSM from another SCCP calling GT or over another link than the SRI-for-SM that got the
     *  correlation ID: unidentifiedSubscriber. */
    CORRELATION_ELSEWHERE,
    /** MO-ForwardSM (AlertServiceCentre) over a link that is not a home-zone MSC/SGSN (HLR) peer: facilityNotSupported. */
    NOT_FROM_HOME_LINK,
    /** A mandatory MAP parameter missing or of the wrong kind (e.g. SM-RP-DA without IMSI): unexpectedDataValue. */
    MALFORMED_REQUEST,
    /** SM-RP-UI is not a TPDU of the expected type (TS 23.040 9.2): SM-DeliveryFailure, equipmentProtocolError. */
    MALFORMED_TPDU,
    /** MO-ForwardSM to a service centre address this SMS-SC does not serve: SM-DeliveryFailure, unknownServiceCentre. */
    UNKNOWN_SERVICE_CENTRE,
    /** A dialog in an application context nobody here serves: MAP-REFUSE (TS 29.002 7.3.1). */
    WRONG_APPLICATION_CONTEXT,
    /** A served application context without the operation it is for (or with one that does not belong): U-ABORT. */
    UNEXPECTED_COMPONENT,
    /** A second invoke in a dialog that already carries one: U-ABORT of the whole dialog. */
    DUPLICATE_COMPONENT,
    /** A component MAP could not decode: jSS7's TC-REJECT goes back in a TC-END. */
    REJECTED_COMPONENT,
    /** ReportSM-DeliveryStatus from a service centre, calling GT or link that holds no live correlation for the
     *  MSISDN (never asked SRI-for-SM for it): unexpectedDataValue, the HLR is not told. */
    REPORT_WITHOUT_CORRELATION,
    /** A TC-CONTINUE, TC-END or TC-ABORT for one of this node's dialogs from another link than the dialog's peer:
     *  dropped before TCAP (no answer; the dialog ends with the real reply or its timer). */
    REPLY_FROM_WRONG_LINK,
    /** The correlation store refused a new correlation (full): systemFailure. */
    CORRELATION_STORE_FULL,
    /** The router's own dialog to the HLR or serving node failed without a MAP error (invoke timeout, abort,
     *  refusal, reject, unusable answer): systemFailure. */
    OUTGOING_DIALOG_FAILED,
    /** The MO sink did not take the SM: SM-DeliveryFailure, sc-Congestion. */
    SINK_FAILED,
    /** The peer aborted the incoming dialog, or it timed out, before it was answered. */
    INCOMING_DIALOG_LOST,
    /** An MO SMS-COMMAND that passed the filter: the SMS-SC keeps no submitted SM to act on it:
     *  SM-DeliveryFailure, equipmentProtocolError. */
    COMMAND_NOT_SERVED,
    /** A TC-BEGIN with more than one component: U-ABORT before any of it reaches a handler (all or nothing). */
    MULTIPLE_COMPONENTS,
    /** A TC-BEGIN without a component: nothing to serve, U-ABORT at once instead of waiting for the idle timer. */
    NO_COMPONENT,
    /** An invoke whose parameter MAP cannot decode, or a MAP-OPEN that does not decode: U-ABORT at once. */
    UNDECODABLE_COMPONENT,
    /** The peer already has its maximum of open incoming dialogs: TC P-ABORT resourceLimitation. */
    DIALOG_LIMIT_PEER,
    /** The node already has its maximum of open incoming dialogs: TC P-ABORT resourceLimitation. */
    DIALOG_LIMIT_TOTAL,
    /** A received dialog nobody took on and nobody ended (e.g. the stack failed on it): U-ABORT. */
    UNANSWERED_DIALOG,
    /** A TC-CONTINUE for a transaction this node does not know: TCAP's P-ABORT unrecognizedTransactionID. */
    UNKNOWN_TRANSACTION,
    /** A TC-BEGIN that does not parse (Q.773): P-ABORT with the cause TCAP gives (badlyFormattedTransactionPortion,
     *  ...), or dropped when it carries no originating transaction id. */
    MALFORMED_TCAP;

    /** The rule id written in the audit line of such a refusal, e.g. {@code map-unknown-correlation}. */
    public String ruleId() {
        return "map-" + counterName();
    }

    /** The metric label, e.g. {@code unknown-correlation}. */
    public String counterName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
