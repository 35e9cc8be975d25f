package org.mtcgate.map.peer;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.UnknownSubscriberDiagnostic;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.Ss7Stack;

/**
 * A lab HLR answering SendRoutingInfoForSM (TS 29.002 12.1) from an in-memory table MSISDN to
 * (IMSI, serving MSC number): unknownSubscriber for an MSISDN it does not hold, absentSubscriberSM for a
 * subscriber provisioned without a serving node.
 */
public final class HlrPeer extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(HlrPeer.class);

    /** One subscription; a null {@code servingMscNumber} means the subscriber is absent. */
    public record Subscription(String imsi, String servingMscNumber) {
        public Subscription {
            Objects.requireNonNull(imsi, "imsi");
        }
    }

    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> onAnswer;

    public HlrPeer(Ss7Stack stack) {
        this(stack, (msisdn, outcome) -> { });
    }

    /** Also tells {@code onAnswer} (msisdn, what was answered) about each SRI-SM, on a jSS7 thread. */
    public HlrPeer(Ss7Stack stack, BiConsumer<String, String> onAnswer) {
        this.onAnswer = onAnswer;
        this.provider = stack.mapProvider();
        this.parameters = provider.getMAPParameterFactory();
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
    }

    public HlrPeer provision(String msisdn, Subscription subscription) {
        subscriptions.put(msisdn, subscription);
        return this;
    }

    @Override
    public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (dialog.getApplicationContext().getApplicationContextName()
                != MAPApplicationContextName.shortMsgGatewayContext) {
            return;
        }
        try {
            String msisdn = request.getMsisdn() == null ? null : request.getMsisdn().getAddress();
            Subscription subscription = msisdn == null ? null : subscriptions.get(msisdn);
            long invokeId = request.getInvokeId();
            if (subscription == null) {
                dialog.sendErrorComponent(invokeId, unknownSubscriber());
                onAnswer.accept(msisdn, "unknownSubscriber");
            } else if (subscription.servingMscNumber() == null) {
                dialog.sendErrorComponent(invokeId, absentSubscriber());
                onAnswer.accept(msisdn, "absentSubscriberSM");
            } else {
                onAnswer.accept(msisdn, "IMSI " + subscription.imsi() + ", serving MSC " + subscription.servingMscNumber());
                dialog.addSendRoutingInfoForSMResponse(invokeId, parameters.createIMSI(subscription.imsi()),
                        parameters.createLocationInfoWithLMSI(parameters.createISDNAddressString(
                                AddressNature.international_number, NumberingPlan.ISDN,
                                subscription.servingMscNumber()), null, null, false, null),
                        null, null, null);
            }
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("SRI-SM answer failed; aborting dialog {}", dialog.getLocalDialogId(), e);
            Dialogs.abort(dialog);
        }
    }

    private MAPErrorMessage unknownSubscriber() {
        return provider.getMAPErrorMessageFactory()
                .createMAPErrorMessageUnknownSubscriber(null, UnknownSubscriberDiagnostic.imsiUnknown);
    }

    private MAPErrorMessage absentSubscriber() {
        return provider.getMAPErrorMessageFactory().createMAPErrorMessageAbsentSubscriberSM(
                AbsentSubscriberDiagnosticSM.IMSIDetached, null, null);
    }
}
