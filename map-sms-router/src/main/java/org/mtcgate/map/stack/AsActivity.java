package org.mtcgate.map.stack;

import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.m3ua.As;
import org.mobicents.protocols.ss7.m3ua.Asp;
import org.mobicents.protocols.ss7.m3ua.AspFactory;
import org.mobicents.protocols.ss7.m3ua.M3UAManagementEventListener;
import org.mobicents.protocols.ss7.m3ua.State;

/**
 * Completes a future when the named M3UA application server first becomes ACTIVE (RFC 4666 4.3.2), and tells
 * whether it is active now (for the console and the metrics).
 */
final class AsActivity implements M3UAManagementEventListener {
    private static final Logger LOG = LogManager.getLogger(AsActivity.class);

    private final String asName;
    private final CompletableFuture<Void> active = new CompletableFuture<>();
    private volatile boolean up;

    AsActivity(String asName) {
        this.asName = asName;
    }

    CompletableFuture<Void> active() {
        return active;
    }

    /** True while the AS is ACTIVE: from its last activation to its next inactivation or loss. */
    boolean isUp() {
        return up;
    }

    /**
     * jSS7 calls this from the FSM state's enter action, before the FSM assigns its new current state, and
     * M3UA routing reads that FSM state: a message sent at once is dropped with "No AS found". The call
     * comes on the Netty event loop that read the peer's ASPAC/NTFY, which assigns the state as soon as this
     * returns, so completion is queued on that same loop to run after it.
     */
    @Override
    public void onAsActive(As as, State state) {
        if (asName.equals(as.getName())) {
            LOG.info("M3UA AS {} active", asName);
            up = true;
            Executor loop = ThreadExecutorMap.currentExecutor();
            if (loop != null) {
                loop.execute(() -> active.complete(null));
            } else {
                active.complete(null);
            }
        }
    }

    @Override
    public void onAsDown(As as, State state) {
        if (asName.equals(as.getName())) {
            LOG.info("M3UA AS {} down", asName);
            up = false;
        }
    }

    @Override
    public void onAsInactive(As as, State state) {
        if (asName.equals(as.getName())) {
            LOG.info("M3UA AS {} inactive", asName);
            up = false;
        }
    }

    @Override
    public void onServiceStarted() {
    }

    @Override
    public void onServiceStopped() {
    }

    @Override
    public void onRemoveAllResources() {
    }

    @Override
    public void onAsCreated(As as) {
    }

    @Override
    public void onAsDestroyed(As as) {
    }

    @Override
    public void onAspFactoryCreated(AspFactory factory) {
    }

    @Override
    public void onAspFactoryDestroyed(AspFactory factory) {
    }

    @Override
    public void onAspAssignedToAs(As as, Asp asp) {
    }

    @Override
    public void onAspUnassignedFromAs(As as, Asp asp) {
    }

    @Override
    public void onAspFactoryStarted(AspFactory factory) {
    }

    @Override
    public void onAspFactoryStopped(AspFactory factory) {
    }

    @Override
    public void onAspActive(Asp asp, State state) {
    }

    @Override
    public void onAspInactive(Asp asp, State state) {
    }

    @Override
    public void onAspDown(Asp asp, State state) {
    }

    @Override
    public void onAsPending(As as, State state) {
    }
}
