package org.mtcgate.lab.map;

import java.util.concurrent.CompletableFuture;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_OA;
import org.mtcgate.map.client.ForwardSm;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The MSC (SMS-IWMSC side) relaying a UE's SMS-SUBMIT to its SMS-SC: MO-ForwardSM in shortMsgMORelayContext v3,
 * or ForwardSM in v2 (TS 29.002 12.2), SM-RP-DA = the service centre address, SM-RP-OA = the UE's MSISDN. The
 * future completes when the SMS-SC answers with a result, or fails with {@link MapFailure}.
 */
public final class MoSender {
    private final Ss7Stack stack;
    private final MapClient client;
    private final MAPParameterFactory parameters;

    public MoSender(Ss7Stack stack) {
        this.stack = stack;
        this.client = MapClient.attach(stack.mapProvider(), stack.config().invokeTimeoutMillis(), 0);
        this.parameters = stack.mapProvider().getMAPParameterFactory();
    }

    public void detach() {
        client.detach();
    }

    /**
     * Sends {@code tpdu} (an SMS-SUBMIT) from {@code msisdn} to the service centre {@code serviceCentre}, over
     * SCCP to GT {@code smscGt} (SSN 8), in MAP {@code version} 2 or 3.
     */
    public CompletableFuture<Void> moForwardSm(String serviceCentre, String smscGt, String msisdn, byte[] tpdu,
                                               int version) {
        SM_RP_DA da = parameters.createSM_RP_DA(parameters.createAddressString(AddressNature.international_number,
                NumberingPlan.ISDN, serviceCentre));
        SM_RP_OA oa = parameters.createSM_RP_OA_Msisdn(parameters.createISDNAddressString(
                AddressNature.international_number, NumberingPlan.ISDN, msisdn));
        return client.begin(stack.localAddress(Ss7StackConfig.SSN_MSC),
                        GlobalTitles.routeOnGt(smscGt, Ss7StackConfig.SSN_MSC),
                        new ForwardSm(ForwardSm.Direction.MOBILE_ORIGINATED, version, da, oa,
                                parameters.createSmsSignalInfo(tpdu, null), false))
                .thenApply(outcome -> {
                    SmscPeer.result(outcome);
                    return null;
                });
    }
}
