package org.mtcgate.lab.map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.client.ReportSmDeliveryStatus;
import org.mtcgate.map.client.RoutingAnswer;
import org.mtcgate.map.client.SendRoutingInfoForSm;
import org.mtcgate.map.smsc.MtForwardSmSender;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * A lab SMS-GMSC: SendRoutingInfoForSM to the HLR (shortMsgGatewayContext v3, TS 29.002 12.1),
 * ReportSM-DeliveryStatus, and MT-ForwardSM to the serving node through the node's own {@link MtForwardSmSender}.
 * Each operation returns a future that completes with the result or fails with {@link MapFailure};
 * continuations may run on jSS7 threads, so they must not block.
 */
public final class SmscPeer {
    private static final int VERSION = 3;

    private final MapClient client;
    private final MtForwardSmSender mt;
    private final MAPParameterFactory parameters;
    private final AddressString serviceCentreAddress;
    private final SccpAddress callingAddress;

    /** Attaches to {@code stack}, calling from SSN 8 with the stack's GT as SC address. */
    public SmscPeer(Ss7Stack stack) {
        this(stack, stack.config().localGlobalTitle(), stack.config().localGlobalTitle());
    }

    /**
     * Attaches to {@code stack}, calling from GT {@code callingGt} (SSN 8) with {@code serviceCentreAddress} as
     * SM-RP-OA and SRI-SM service centre address: one lab stack can stand for several SMSCs, or for one that
     * names another in SM-RP-OA. Answers reach it only if its peer routes {@code callingGt} back to it.
     */
    public SmscPeer(Ss7Stack stack, String callingGt, String serviceCentreAddress) {
        this.client = MapClient.attach(stack.mapProvider(), stack.config().invokeTimeoutMillis(), 0);
        this.mt = new MtForwardSmSender(client, callingGt, serviceCentreAddress);
        this.parameters = stack.mapProvider().getMAPParameterFactory();
        this.serviceCentreAddress = parameters.createAddressString(AddressNature.international_number,
                NumberingPlan.ISDN, serviceCentreAddress);
        this.callingAddress = GlobalTitles.routeOnGt(callingGt, Ss7StackConfig.SSN_MSC);
    }

    /** Detaches from the stack. */
    public void detach() {
        client.detach();
    }

    /** SRI-SM for {@code msisdn}, sent to the HLR whose E.164 GT is {@code hlrGt} (SSN 6). */
    public CompletableFuture<RoutingInfo> sendRoutingInfoForSm(String msisdn, String hlrGt) {
        return client.begin(callingAddress, hlr(hlrGt),
                        new SendRoutingInfoForSm(VERSION, isdn(msisdn), true, serviceCentreAddress, false))
                .thenApply(SmscPeer::routingInfo);
    }

    private static RoutingInfo routingInfo(MapOutcome<RoutingAnswer> outcome) {
        RoutingAnswer answer = result(outcome);
        SendRoutingInfoForSMResponse sri = answer.result();
        String imsi = sri.getIMSI() == null ? null : sri.getIMSI().getData();
        String node = sri.getLocationInfoWithLMSI() == null
                || sri.getLocationInfoWithLMSI().getNetworkNodeNumber() == null
                ? null : sri.getLocationInfoWithLMSI().getNetworkNodeNumber().getAddress();
        if (imsi == null || node == null) {
            return result(new MapOutcome.Failure<>(MapOutcome.Kind.NO_ANSWER, "SRI-SM result without IMSI or node number"));
        }
        InformServiceCentreRequest inform = answer.informServiceCentre();
        String stored = inform == null ? null
                : inform.getStoredMSISDN() == null ? "" : inform.getStoredMSISDN().getAddress();
        return new RoutingInfo(imsi, node, stored);
    }

    /**
     * ReportSM-DeliveryStatus (v3) for {@code msisdn} with this peer's service centre address, to the HLR whose GT is
     * {@code hlrGt}; completes with the stored MSISDN of the answer (null when it has none).
     */
    public CompletableFuture<String> reportSmDeliveryStatus(String msisdn, String hlrGt, SMDeliveryOutcome outcome) {
        return client.begin(callingAddress, hlr(hlrGt),
                        new ReportSmDeliveryStatus(VERSION, isdn(msisdn), serviceCentreAddress, outcome))
                .thenApply(answer -> {
                    ISDNAddressString stored = result(answer).getStoredMSISDN();
                    return stored == null ? null : stored.getAddress();
                });
    }

    /** MT-ForwardSM of {@code tpdu} (an SMS-DELIVER) to {@code imsi} at the serving MSC {@code mscGt} (SSN 8). */
    public CompletableFuture<Void> mtForwardSm(String imsi, String mscGt, byte[] tpdu, boolean moreMessagesToSend) {
        return mt.send(imsi, mscGt, tpdu, moreMessagesToSend).thenApply(outcome -> {
            result(outcome);
            return null;
        });
    }

    /** The result, or the outcome as a failed stage (get() reports the {@link MapFailure} itself as cause). */
    static <T> T result(MapOutcome<T> outcome) {
        try {
            return outcome.orThrow();
        } catch (MapFailure e) {
            throw new CompletionException(e);
        }
    }

    private SccpAddress hlr(String hlrGt) {
        return GlobalTitles.routeOnGt(hlrGt, Ss7StackConfig.SSN_HLR);
    }

    private ISDNAddressString isdn(String digits) {
        return parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, digits);
    }
}
