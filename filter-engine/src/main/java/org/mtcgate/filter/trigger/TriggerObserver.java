package org.mtcgate.filter.trigger;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;

/** Hears every verdict and trigger state change, for audit and metrics. */
public interface TriggerObserver {
    void verdict(InboundItem item, Verdict verdict);

    /**
     * The filter's verdict on a trigger or replacement together with what became of the request: an allowed
     * trigger may still be refused after the filter (UE unknown at the HSS, store failing, SMS-SC refusing), and
     * then {@code result} carries the Request-Status the SCS got. Called once per decided request, when its
     * answer is known; by default only the verdict is passed on.
     *
     * @param trigger the trigger the request names (SCS and Reference-Number), so the verdict links to its states
     */
    default void decided(InboundItem item, Verdict verdict, TriggerId trigger, DeviceActionResult result) {
        verdict(item, verdict);
    }

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
