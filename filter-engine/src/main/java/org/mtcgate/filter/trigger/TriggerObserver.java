package org.mtcgate.filter.trigger;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;

/** Hears every verdict and trigger state change, for audit and metrics. */
public interface TriggerObserver {
    void verdict(InboundItem item, Verdict verdict);

    /** {@code before} is null for a newly accepted trigger. */
    void stateChanged(DeviceTrigger before, DeviceTrigger after);

    /**
     * A Device-Action refused by the checks that need nothing but the request (INVSCSID, INVPAYLOAD, INVPERIOD,
     * a recall or replace without its old reference), before any filter verdict exists.
     */
    default void refused(DeviceActionRequest request, DeviceActionResult result) {
    }

    TriggerObserver NONE = new TriggerObserver() {
        @Override
        public void verdict(InboundItem item, Verdict verdict) {
        }

        @Override
        public void stateChanged(DeviceTrigger before, DeviceTrigger after) {
        }
    };
}
