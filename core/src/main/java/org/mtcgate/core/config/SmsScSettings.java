package org.mtcgate.core.config;

import java.time.Duration;

/**
 * The SMS-SC role.
 *
 * @param triggerOriginator TP-OA of trigger SMs (the address the UE sees them from)
 * @param retryFirst        first wait before retrying an absent UE
 * @param retryMax          longest wait between retries
 */
public record SmsScSettings(String triggerOriginator, Duration retryFirst, Duration retryMax) {
}
