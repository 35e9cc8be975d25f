package org.mtcgate.map.smsc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.filter.smsc.MessageWaiting;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.ReportSmDeliveryStatus;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * Message waiting over MAP (TS 23.040 3.2.5, TS 29.002 12.3): ReportSM-DeliveryStatus v3 with outcome
 * absentSubscriber to the HLR, so that it sets the MWD and the MNRF and sends AlertServiceCentre when the UE is back.
 * A subscription without MSISDN cannot be reported in MAP (the MSISDN is mandatory) and is left to the timed retries.
 */
public final class MapMessageWaiting implements MessageWaiting {
    private static final Logger LOG = LogManager.getLogger(MapMessageWaiting.class);

    private final MapClient client;
    private final MAPParameterFactory parameters;
    private final SccpAddress callingAddress;
    private final SccpAddress hlr;
    private final String serviceCentre;
    private final LongAdder reported = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** Through {@code client} from GT {@code callingGt} (SSN 8) to the HLR at {@code hlrGt} (SSN 6). */
    public MapMessageWaiting(MapClient client, String callingGt, String hlrGt, String serviceCentre) {
        this.client = client;
        this.parameters = client.provider().getMAPParameterFactory();
        this.callingAddress = GlobalTitles.routeOnGt(callingGt, Ss7StackConfig.SSN_MSC);
        this.hlr = GlobalTitles.routeOnGt(hlrGt, Ss7StackConfig.SSN_HLR);
        this.serviceCentre = serviceCentre;
    }

    @Override
    public CompletionStage<Void> absent(SmRecipient recipient) {
        if (recipient.msisdn() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.begin(callingAddress, hlr, new ReportSmDeliveryStatus(3,
                    parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN,
                            recipient.msisdn().digits()),
                    parameters.createAddressString(AddressNature.international_number, NumberingPlan.ISDN, serviceCentre),
                    SMDeliveryOutcome.absentSubscriber)).whenComplete((outcome, e) -> {
                        if (e == null && outcome.kind() == org.mtcgate.map.client.MapOutcome.Kind.RESULT) {
                            reported.increment();
                        } else {
                            failed.increment();
                            LOG.debug("ReportSM-DeliveryStatus for {}: {}", recipient.msisdn(),
                                    e != null ? e.toString() : outcome.describe());
                        }
                        done.complete(null);
                    });
        } catch (RuntimeException e) {
            failed.increment();
            done.complete(null);
        }
        return done;
    }

    public long reportedCount() {
        return reported.sum();
    }

    public long failedCount() {
        return failed.sum();
    }
}
