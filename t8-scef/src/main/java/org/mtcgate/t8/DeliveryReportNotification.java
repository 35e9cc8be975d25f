package org.mtcgate.t8;

/** {@code DeviceTriggeringDeliveryReportNotification} of TS 29.122: the transaction's URI and its DeliveryResult. */
public record DeliveryReportNotification(String transaction, String result) {
}
