package org.mtcgate.filter.smsc;

import org.mtcgate.filter.Msisdn;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port: where an SM for an MSISDN goes (the SMS-GMSC's SRI-for-SM to the HLR, TS 29.002 12.1, or the embedded
 * subscriber store): the IMSI and the serving nodes, best first; empty when the subscriber is unknown. Used for SMs
 * that arrive named by MSISDN only (from SMEs over Tsms, MO to another UE).
 */
public interface RoutingInfo {
    CompletionStage<Optional<SmRecipient>> locate(Msisdn msisdn);
}
