package org.mtcgate.map.smsc;

import java.util.concurrent.CompletableFuture;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.map.client.ForwardSm;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The SMS-SC's MT leg (as SMS-GMSC): MT-ForwardSM (shortMsgMTRelayContext v3, TS 29.002 12.9; ForwardSM in v2) of
 * one SMS-DELIVER to the serving MSC (SSN 8) or SGSN (SSN 149) the HSS or HLR named, from SSN 8 with the SMS-SC's
 * address as SM-RP-OA.
 */
public final class MtForwardSmSender {
    private final MapClient client;
    private final MAPParameterFactory parameters;
    private final AddressString serviceCentreAddress;
    private final SccpAddress callingAddress;

    /** On {@code stack}, calling from its GT with that GT as service centre address; no bound of its own. */
    public MtForwardSmSender(Ss7Stack stack) {
        this(MapClient.attach(stack.mapProvider(), stack.config().invokeTimeoutMillis(), 0),
                stack.config().localGlobalTitle(), stack.config().localGlobalTitle());
    }

    /**
     * Through {@code client}, calling from GT {@code callingGt} (SSN 8) with {@code serviceCentreAddress} as
     * SM-RP-OA. Answers reach it only if the peer routes {@code callingGt} back to this stack.
     */
    public MtForwardSmSender(MapClient client, String callingGt, String serviceCentreAddress) {
        this.client = client;
        this.parameters = client.provider().getMAPParameterFactory();
        this.serviceCentreAddress = parameters.createAddressString(AddressNature.international_number,
                NumberingPlan.ISDN, serviceCentreAddress);
        this.callingAddress = GlobalTitles.routeOnGt(callingGt, Ss7StackConfig.SSN_MSC);
    }

    /** MT-ForwardSM v3 to a serving MSC; see {@link #send(String, String, int, int, byte[], boolean)}. */
    public CompletableFuture<MapOutcome<SmsSignalInfo>> send(String imsi, String mscGt, byte[] tpdu,
                                                             boolean moreMessagesToSend) {
        return send(imsi, mscGt, Ss7StackConfig.SSN_MSC, 3, tpdu, moreMessagesToSend);
    }

    /**
     * MT-ForwardSM (v3) or ForwardSM (v2) of {@code tpdu} (an SMS-DELIVER) to {@code imsi} at the serving node
     * {@code nodeGt} on {@code ssn}. The outcome completes normally, on a jSS7 thread: continuations must not block.
     */
    public CompletableFuture<MapOutcome<SmsSignalInfo>> send(String imsi, String nodeGt, int ssn, int version, byte[] tpdu,
                                                             boolean moreMessagesToSend) {
        return client.begin(callingAddress, GlobalTitles.routeOnGt(nodeGt, ssn),
                new ForwardSm(ForwardSm.Direction.MOBILE_TERMINATED, version,
                        parameters.createSM_RP_DA(parameters.createIMSI(imsi)),
                        parameters.createSM_RP_OA_ServiceCentreAddressOA(serviceCentreAddress),
                        parameters.createSmsSignalInfo(tpdu, null), moreMessagesToSend));
    }

    /** Detaches the client it sends through. */
    public void detach() {
        client.detach();
    }
}
