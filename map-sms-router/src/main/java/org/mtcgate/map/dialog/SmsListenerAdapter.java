package org.mtcgate.map.dialog;

import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortProviderReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortSource;
import org.mobicents.protocols.ss7.map.api.dialog.MAPNoticeProblemDiagnostic;
import org.mobicents.protocols.ss7.map.api.dialog.MAPRefuseReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.service.sms.AlertServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.AlertServiceCentreResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPServiceSmsListener;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.NoteSubscriberPresentRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReadyForSMRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReadyForSMResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;

/**
 * Empty MAP SMS service and dialog listener: subclasses override the few callbacks they handle. The MAP
 * provider calls every registered listener for every dialog, so handlers must ignore dialogs that are not
 * theirs. Callbacks run on jSS7 delivery threads: never block in them.
 */
public abstract class SmsListenerAdapter implements MAPServiceSmsListener,
        org.mobicents.protocols.ss7.map.api.MAPDialogListener {

    @Override
    public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
    }

    @Override
    public void onInvokeTimeout(MAPDialog dialog, Long invokeId) {
    }

    @Override
    public void onMAPMessage(MAPMessage message) {
    }

    @Override
    public void onForwardShortMessageRequest(ForwardShortMessageRequest request) {
    }

    @Override
    public void onForwardShortMessageResponse(ForwardShortMessageResponse response) {
    }

    @Override
    public void onMoForwardShortMessageRequest(MoForwardShortMessageRequest request) {
    }

    @Override
    public void onMoForwardShortMessageResponse(MoForwardShortMessageResponse response) {
    }

    @Override
    public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
    }

    @Override
    public void onMtForwardShortMessageResponse(MtForwardShortMessageResponse response) {
    }

    @Override
    public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
    }

    @Override
    public void onSendRoutingInfoForSMResponse(SendRoutingInfoForSMResponse response) {
    }

    @Override
    public void onReportSMDeliveryStatusRequest(ReportSMDeliveryStatusRequest request) {
    }

    @Override
    public void onReportSMDeliveryStatusResponse(ReportSMDeliveryStatusResponse response) {
    }

    @Override
    public void onInformServiceCentreRequest(InformServiceCentreRequest request) {
    }

    @Override
    public void onAlertServiceCentreRequest(AlertServiceCentreRequest request) {
    }

    @Override
    public void onAlertServiceCentreResponse(AlertServiceCentreResponse response) {
    }

    @Override
    public void onReadyForSMRequest(ReadyForSMRequest request) {
    }

    @Override
    public void onReadyForSMResponse(ReadyForSMResponse response) {
    }

    @Override
    public void onNoteSubscriberPresentRequest(NoteSubscriberPresentRequest request) {
    }

    @Override
    public void onDialogDelimiter(MAPDialog dialog) {
    }

    @Override
    public void onDialogRequest(MAPDialog dialog, AddressString destReference, AddressString origReference,
                                MAPExtensionContainer extension) {
    }

    @Override
    public void onDialogRequestEricsson(MAPDialog dialog, AddressString destReference, AddressString origReference,
                                        AddressString eriImsi, AddressString eriVlrNo) {
    }

    @Override
    public void onDialogAccept(MAPDialog dialog, MAPExtensionContainer extension) {
    }

    @Override
    public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                               MAPExtensionContainer extension) {
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
    }

    @Override
    public void onDialogClose(MAPDialog dialog) {
    }

    @Override
    public void onDialogNotice(MAPDialog dialog, MAPNoticeProblemDiagnostic diagnostic) {
    }

    @Override
    public void onDialogRelease(MAPDialog dialog) {
    }

    @Override
    public void onDialogTimeout(MAPDialog dialog) {
    }
}
