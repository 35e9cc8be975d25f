package org.mtcgate.t8;

import org.mtcgate.filter.trigger.UeName;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A DeviceTriggering body once checked: the UE, the payload, the ports, the priority, the validity and where the
 * delivery report goes. {@code body} is what was asked, as it is shown back (without read-only fields).
 */
record TriggerContent(UeName ue, byte[] payload, int applicationPort, boolean priority, Duration validity,
                      URI notificationDestination, DeviceTriggeringBody body) {
    TriggerContent {
        Objects.requireNonNull(ue, "ue");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
