package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;

/**
 * SendRoutingInfoForSM to an HLR (shortMsgGatewayContext, TS 29.002 12.1). The outcome comes when the HLR's TC-END
 * has been read whole, so that an InformServiceCentre in it (before or after the result) comes with the result.
 */
public final class SendRoutingInfoForSm extends OutgoingDialog<RoutingAnswer> {
    private final MAPApplicationContext context;
    private final ISDNAddressString msisdn;
    private final boolean smRpPri;
    private final AddressString serviceCentre;
    private final boolean gprsSupport;
    /** Kept until the TC-END has been read whole; written and read on the thread that delivers it. */
    private volatile SendRoutingInfoForSMResponse result;
    private volatile InformServiceCentreRequest informServiceCentre;

    public SendRoutingInfoForSm(int version, ISDNAddressString msisdn, boolean smRpPri, AddressString serviceCentre,
                                boolean gprsSupport) {
        this.context = MAPApplicationContext.getInstance(MAPApplicationContextName.shortMsgGatewayContext,
                MAPApplicationContextVersion.getInstance(version));
        this.msisdn = msisdn;
        this.smRpPri = smRpPri;
        this.serviceCentre = serviceCentre;
        this.gprsSupport = gprsSupport;
    }

    @Override
    protected MAPApplicationContext context() {
        return context;
    }

    @Override
    protected void invoke(MAPDialogSms dialog, int invokeTimeoutMillis) throws MAPException {
        dialog.addSendRoutingInfoForSMRequest(invokeTimeoutMillis, msisdn, smRpPri, serviceCentre, null, gprsSupport,
                null, null, null, false, null, false, false, null);
    }

    @Override
    protected void onComponent(MAPMessage component) {
        if (component instanceof SendRoutingInfoForSMResponse r) {
            result = r;
        } else if (component instanceof InformServiceCentreRequest inform) {
            informServiceCentre = inform;
        }
    }

    @Override
    protected void onMessageEnd() {
        SendRoutingInfoForSMResponse whole = result;
        if (whole != null) {
            succeed(new RoutingAnswer(whole, informServiceCentre));
        }
    }
}
