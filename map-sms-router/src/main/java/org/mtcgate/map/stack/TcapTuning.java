package org.mtcgate.map.stack;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.mobicents.protocols.ss7.tcap.TCAPProviderImpl;
import org.mobicents.protocols.ss7.tcap.TCAPStackImpl;

/** Settings jSS7's TCAP needs that its public API does not offer or offers in a fragile order. */
final class TcapTuning {
    /** The provider's scheduler of dialog and invoke timers, created in TCAPProviderImpl.start(). */
    private static final String EXECUTOR_FIELD = "_EXECUTOR";

    private TcapTuning() {
    }

    /**
     * Makes the TCAP timer executor drop cancelled timers at once. By default a ScheduledThreadPoolExecutor
     * keeps each cancelled timer queued until its deadline: every finished dialog leaves its idle timer
     * (about 300 B) behind for the whole idle timeout, so the heap grows with the dialog rate. The executor
     * is a protected field with no setter, hence reflection; call after the TCAP stack has started.
     */
    static void removeCancelledTimers(TCAPStackImpl tcap) {
        ScheduledThreadPoolExecutor executor = executor(tcap);
        executor.setRemoveOnCancelPolicy(true);
    }

    static boolean removesCancelledTimers(TCAPStackImpl tcap) {
        return executor(tcap).getRemoveOnCancelPolicy();
    }

    private static ScheduledThreadPoolExecutor executor(TCAPStackImpl tcap) {
        try {
            Field field = TCAPProviderImpl.class.getDeclaredField(EXECUTOR_FIELD);
            field.setAccessible(true);
            Object executor = field.get(tcap.getProvider());
            if (executor instanceof ScheduledThreadPoolExecutor scheduled) {
                return scheduled;
            }
            throw new IllegalStateException("TCAP executor is " + executor + ", not a ScheduledThreadPoolExecutor");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this jSS7 TCAP has no " + EXECUTOR_FIELD + " field", e);
        }
    }

    /**
     * Sets both TCAP timers. Each setter rejects a value that breaks invoke <= dialog idle against the
     * other timer's current value, so the order depends on the direction of the change.
     */
    static void applyTimeouts(TCAPStackImpl tcap, long invokeMillis, long dialogIdleMillis) throws Exception {
        if (invokeMillis <= tcap.getDialogIdleTimeout()) {
            tcap.setInvokeTimeout(invokeMillis);
            tcap.setDialogIdleTimeout(dialogIdleMillis);
        } else {
            tcap.setDialogIdleTimeout(dialogIdleMillis);
            tcap.setInvokeTimeout(invokeMillis);
        }
    }
}
