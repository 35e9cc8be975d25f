package org.mtcgate.filter.trigger;

/** Port: sends Device-Notifications to the SCS that sent the trigger (Tsp DNR). */
public interface DeviceNotifier {
    void notify(DeviceNotification notification);
}
