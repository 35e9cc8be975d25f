package org.mtcgate.filter.smsc;

import java.util.concurrent.CompletionStage;

/**
 * Port: the message waiting service (TS 23.040 3.2.5). When no serving node could reach the UE, the SMS-SC tells the
 * HLR/HSS (MAP ReportSM-DeliveryStatus, or S6c RDR) so that it alerts the SMS-SC when the UE is back; the alert
 * comes in through {@link StoreAndForward#alert}. Completes normally, whether or not the HLR answered.
 */
public interface MessageWaiting {
    CompletionStage<Void> absent(SmRecipient recipient);

    MessageWaiting NONE = r -> java.util.concurrent.CompletableFuture.completedFuture(null);
}
