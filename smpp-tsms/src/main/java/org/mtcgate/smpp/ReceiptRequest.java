package org.mtcgate.smpp;

import java.time.Instant;
import java.util.Objects;

/**
 * A receipt an SME asked for with registered_delivery: to whom, the message_id it was given, and the addresses
 * the receipt carries (swapped: from the UE's address to the SME's).
 *
 * @param expiresAt     the end of the SM's validity, after which the SMS-SC will have reported it
 * @param onFailureOnly registered_delivery 2: only a failed SM gets a receipt
 */
record ReceiptRequest(String systemId, String messageId, String smeAddress, String ueAddress, Instant submittedAt,
                      Instant expiresAt, boolean onFailureOnly) {
    ReceiptRequest {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
