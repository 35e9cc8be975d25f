package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;

/**
 * ReportSM-DeliveryStatus to an HLR (shortMsgGatewayContext, TS 29.002 12.3); the result is the HLR's answer.
 * jSS7 encodes what the version carries (v1 only MSISDN and service centre).
 */
public final class ReportSmDeliveryStatus extends OutgoingDialog<ReportSMDeliveryStatusResponse> {
    private final MAPApplicationContext context;
    private final ISDNAddressString msisdn;
    private final AddressString serviceCentre;
    private final SMDeliveryOutcome outcome;
    /** What an SMSC sent, relayed as it is; null when the report is made here. */
    private final ReportSMDeliveryStatusRequest relayed;

    /** A report made here: MSISDN, service centre and outcome only. */
    public ReportSmDeliveryStatus(int version, ISDNAddressString msisdn, AddressString serviceCentre,
                                  SMDeliveryOutcome outcome) {
        this.context = context(version);
        this.msisdn = msisdn;
        this.serviceCentre = serviceCentre;
        this.outcome = outcome;
        this.relayed = null;
    }

    /** An SMSC's report relayed with everything it carried. */
    public ReportSmDeliveryStatus(int version, ReportSMDeliveryStatusRequest report) {
        this.context = context(version);
        this.msisdn = report.getMsisdn();
        this.serviceCentre = report.getServiceCentreAddress();
        this.outcome = report.getSMDeliveryOutcome();
        this.relayed = report;
    }

    private static MAPApplicationContext context(int version) {
        return MAPApplicationContext.getInstance(MAPApplicationContextName.shortMsgGatewayContext,
                MAPApplicationContextVersion.getInstance(version));
    }

    @Override
    protected MAPApplicationContext context() {
        return context;
    }

    @Override
    protected void invoke(MAPDialogSms dialog, int invokeTimeoutMillis) throws MAPException {
        if (relayed == null) {
            dialog.addReportSMDeliveryStatusRequest(invokeTimeoutMillis, msisdn, serviceCentre, outcome, null, null,
                    false, false, null, null);
        } else {
            dialog.addReportSMDeliveryStatusRequest(invokeTimeoutMillis, msisdn, serviceCentre, outcome,
                    relayed.getAbsentSubscriberDiagnosticSM(), null, relayed.getGprsSupportIndicator(),
                    relayed.getDeliveryOutcomeIndicator(), relayed.getAdditionalSMDeliveryOutcome(),
                    relayed.getAdditionalAbsentSubscriberDiagnosticSM());
        }
    }

    @Override
    protected void onComponent(MAPMessage component) {
        if (component instanceof ReportSMDeliveryStatusResponse r) {
            succeed(r);
        }
    }
}
