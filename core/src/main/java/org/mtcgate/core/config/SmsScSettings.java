package org.mtcgate.core.config;

import java.time.Duration;

/**
 * The SMS-SC role.
 *
 * @param triggerOriginator TP-OA of trigger SMs (the address the UE sees them from)
 * @param retryFirst        first wait before retrying an absent UE
 * @param retryMax          longest wait between retries
 * @param addresses         the service centre addresses MO-ForwardSM may name (SM-RP-DA); others are refused
 * @param maxInFlight       MT-ForwardSM dialogs outstanding at once; SMs due beyond that wait their turn
 * @param defaultValidity   how long a T4 trigger without Validity-Time is held
 * @param fsync             force each commit of the SMS-SC's store to the device
 * @param hlr               GT of the HLR told of absent UEs (ReportSM-DeliveryStatus) and alerting back, or null
 * @param sgd               deliver to MMEs over SGd (TS 29.338; MMEs are Diameter peers with role mme)
 */
public record SmsScSettings(String triggerOriginator, Duration retryFirst, Duration retryMax, java.util.List<String> addresses,
                            int maxInFlight, Duration defaultValidity, boolean fsync, String hlr, boolean sgd) {
    public SmsScSettings {
        addresses = java.util.List.copyOf(addresses);
    }
}
