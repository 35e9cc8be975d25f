package org.mtcgate.map.attack;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.map.stack.Ss7Stack;

/**
 * The lab HLR, counting every SRI-for-SM it is asked, and never answering those for {@link #HELD} (the dialog is
 * taken and left open), so that the router's incoming dialogs for it stay open until its invoke timer.
 */
final class HoldingHlr extends SmsListenerAdapter {
    static final String HELD = "491709990000";

    private final HlrPeer answering;
    private final AtomicLong asked = new AtomicLong();
    private final Semaphore held = new Semaphore(0);

    HoldingHlr(Ss7Stack stack, HlrPeer answering) {
        this.answering = answering;
        answering.detach(); // it answers through this listener only
        stack.mapProvider().getMAPServiceSms().addMAPServiceListener(this);
    }

    @Override
    public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
        asked.incrementAndGet();
        String msisdn = request.getMsisdn() == null ? null : request.getMsisdn().getAddress();
        if (HELD.equals(msisdn)) {
            request.getMAPDialog().setUserObject(this); // taken on: neither the gate nor the guard ends it
            held.release();
            return;
        }
        answering.onSendRoutingInfoForSMRequest(request);
    }

    long asked() {
        return asked.get();
    }

    boolean awaitHeld(int count, long timeoutMillis) throws InterruptedException {
        return held.tryAcquire(count, timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
