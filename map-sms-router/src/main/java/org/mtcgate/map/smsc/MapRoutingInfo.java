package org.mtcgate.map.smsc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.client.RoutingAnswer;
import org.mtcgate.map.client.SendRoutingInfoForSm;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The SMS-GMSC's routing query (TS 23.040 10.1, TS 29.002 12.1): SendRoutingInfoForSM v3 to the HLR, with GPRS
 * support indicated so the HLR names the SGSN too. The answer becomes the recipient: the IMSI and the serving nodes
 * in the HLR's order (the node in networkNode-Number first, the additional one after; an SGSN as {@code sgsn:}).
 * unknownSubscriber is empty; any other failure completes exceptionally with a {@link RoutingFailure}.
 */
public final class MapRoutingInfo implements RoutingInfo {
    private final MapClient client;
    private final MAPParameterFactory parameters;
    private final SccpAddress callingAddress;
    private final SccpAddress hlr;
    private final String serviceCentre;

    /** Through {@code client} from GT {@code callingGt} (SSN 8) to the HLR at {@code hlrGt} (SSN 6). */
    public MapRoutingInfo(MapClient client, String callingGt, String hlrGt, String serviceCentre) {
        this.client = client;
        this.parameters = client.provider().getMAPParameterFactory();
        this.callingAddress = GlobalTitles.routeOnGt(callingGt, Ss7StackConfig.SSN_MSC);
        this.hlr = GlobalTitles.routeOnGt(hlrGt, Ss7StackConfig.SSN_HLR);
        this.serviceCentre = serviceCentre;
    }

    /** Why a routing query gave no answer to act on (absent subscriber, barred, no answer). */
    public static final class RoutingFailure extends Exception {
        private final boolean absent;

        RoutingFailure(String message, boolean absent) {
            super(message, null, false, false);
            this.absent = absent;
        }

        /** The HLR said the UE is absent (absentSubscriberSM): worth trying later. */
        public boolean absent() {
            return absent;
        }
    }

    @Override
    public CompletionStage<Optional<SmRecipient>> locate(Msisdn msisdn) {
        CompletableFuture<MapOutcome<RoutingAnswer>> asked;
        try {
            asked = client.begin(callingAddress, hlr, new SendRoutingInfoForSm(3,
                    parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, msisdn.digits()),
                    true, parameters.createAddressString(AddressNature.international_number, NumberingPlan.ISDN, serviceCentre),
                    true));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RoutingFailure(e.toString(), false));
        }
        return asked.thenCompose(outcome -> {
            if (outcome instanceof MapOutcome.Result<RoutingAnswer> r) {
                return recipient(msisdn, r.value().result());
            }
            long code = outcome.errorCode();
            if (code == 1) { // unknownSubscriber
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return CompletableFuture.failedFuture(new RoutingFailure("SRI-for-SM for " + msisdn + ": " + outcome.describe(),
                    code == 6 || code == 27));
        });
    }

    private static CompletionStage<Optional<SmRecipient>> recipient(Msisdn msisdn, SendRoutingInfoForSMResponse answer) {
        if (answer.getIMSI() == null) {
            return CompletableFuture.failedFuture(new RoutingFailure("SRI-for-SM result without an IMSI", false));
        }
        Imsi imsi;
        try {
            imsi = Imsi.of(answer.getIMSI().getData());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RoutingFailure("SRI-for-SM result with a bad IMSI", false));
        }
        RoutingAnswer.ServingNumbers numbers = RoutingAnswer.ServingNumbers.of(answer.getLocationInfoWithLMSI());
        List<String> nodes = new ArrayList<>(2);
        if (numbers != null) {
            boolean sgsnFirst = answer.getLocationInfoWithLMSI().getGprsNodeIndicator();
            String msc = numbers.msc();
            String sgsn = numbers.sgsn() == null ? null : "sgsn:" + numbers.sgsn();
            for (String n : sgsnFirst ? new String[] {sgsn, msc} : new String[] {msc, sgsn}) {
                if (n != null) {
                    nodes.add(n);
                }
            }
        }
        return CompletableFuture.completedFuture(Optional.of(new SmRecipient(imsi, msisdn, nodes)));
    }
}
