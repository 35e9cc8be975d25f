package org.mtcgate.t8;

/**
 * The {@code DeviceTriggering} resource of TS 29.122 (TS29122_DeviceTriggering.yaml), field for field as the
 * OpenAPI names them; {@code self} and {@code deliveryResult} are read-only (set by the SCEF). Integers are boxed so
 * that a missing field is told apart from 0. {@code websockNotifConfig} is not offered: a body with it is refused as
 * an unknown field.
 */
public record DeviceTriggeringBody(String self, String externalId, String msisdn, String supportedFeatures,
                                   Long validityPeriod, String priority, Integer applicationPortId, Integer appSrcPortId,
                                   String triggerPayload, String notificationDestination, Boolean requestTestNotification,
                                   String deliveryResult) {
    DeviceTriggeringBody withSelf(String self, String deliveryResult) {
        return new DeviceTriggeringBody(self, externalId, msisdn, supportedFeatures, validityPeriod, priority,
                applicationPortId, appSrcPortId, triggerPayload, notificationDestination, requestTestNotification, deliveryResult);
    }
}
