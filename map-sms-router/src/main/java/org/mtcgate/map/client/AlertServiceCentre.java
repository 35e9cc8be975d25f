package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.service.sms.AlertServiceCentreResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;

/**
 * AlertServiceCentre from an HLR to a service centre (shortMsgAlertContext v2, TS 29.002 12.4): the UE with this
 * MSISDN is reachable again. The result carries nothing.
 */
public final class AlertServiceCentre extends OutgoingDialog<Boolean> {
    private static final MAPApplicationContext CONTEXT = MAPApplicationContext.getInstance(
            MAPApplicationContextName.shortMsgAlertContext, MAPApplicationContextVersion.version2);

    private final ISDNAddressString msisdn;
    private final AddressString serviceCentre;

    public AlertServiceCentre(ISDNAddressString msisdn, AddressString serviceCentre) {
        this.msisdn = msisdn;
        this.serviceCentre = serviceCentre;
    }

    @Override
    protected MAPApplicationContext context() {
        return CONTEXT;
    }

    @Override
    protected void invoke(MAPDialogSms dialog, int invokeTimeoutMillis) throws MAPException {
        dialog.addAlertServiceCentreRequest(invokeTimeoutMillis, msisdn, serviceCentre);
    }

    @Override
    protected void onComponent(MAPMessage component) {
        if (component instanceof AlertServiceCentreResponse) {
            succeed(Boolean.TRUE);
        }
    }

    /** The v2 result has no parameter and may come as an empty TC-END: an answer without an error is the result. */
    @Override
    protected void onMessageEnd() {
        succeed(Boolean.TRUE);
    }
}
