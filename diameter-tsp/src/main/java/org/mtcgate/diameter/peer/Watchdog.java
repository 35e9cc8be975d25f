package org.mtcgate.diameter.peer;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;

/**
 * Device watchdog (RFC 6733 5.5, RFC 3539 3.4.1). Any received message resets the timer Tw; when it
 * expires a DWR is sent; if Tw expires again without an answer the connection is declared failed.
 * Runs only on the connection's event loop, so it needs no locking.
 */
final class Watchdog {
    interface Actions {
        void sendWatchdogRequest();

        void watchdogFailed();
    }

    private final EventLoop loop;
    private final long twNanos;
    private final Actions actions;
    private long lastReceived;
    private boolean awaitingAnswer;
    private ScheduledFuture<?> timer;

    Watchdog(EventLoop loop, Duration tw, Actions actions) {
        this.loop = loop;
        this.twNanos = tw.toNanos();
        this.actions = actions;
    }

    void start() {
        lastReceived = System.nanoTime();
        schedule();
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** RFC 3539 3.4.1: receipt of any message counts as a sign of life. */
    void onMessageReceived() {
        lastReceived = System.nanoTime();
    }

    void onWatchdogAnswer() {
        awaitingAnswer = false;
        lastReceived = System.nanoTime();
    }

    private void schedule() {
        schedule(jittered());
    }

    private void schedule(long delayNanos) {
        timer = loop.schedule(this::expired, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** RFC 3539 3.4.1: Tw plus jitter of up to 2 s (scaled down for short lab timers). */
    private long jittered() {
        long jitter = Math.min(TimeUnit.SECONDS.toNanos(2), twNanos / 10);
        return twNanos + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
    }

    private void expired() {
        timer = null;
        long idle = System.nanoTime() - lastReceived;
        if (awaitingAnswer) {
            if (idle >= twNanos) {
                actions.watchdogFailed();
                return;
            }
        } else if (idle >= twNanos * 9 / 10) {
            awaitingAnswer = true;
            actions.sendWatchdogRequest();
        } else {
            // Traffic arrived meanwhile: Tw restarts from the last received message.
            schedule(twNanos - idle);
            return;
        }
        schedule();
    }

    static DiameterMessage request(LocalIdentity local, int hopByHop, int endToEnd) {
        return DiameterMessage.request(CommandCodes.DEVICE_WATCHDOG, ApplicationIds.COMMON, false)
                .hopByHopId(hopByHop).endToEndId(endToEnd)
                .avp(BaseAvps.originHost(local.originHost()))
                .avp(BaseAvps.originRealm(local.originRealm()))
                .avp(BaseAvps.originStateId(local.originStateId()))
                .build();
    }

    static DiameterMessage answer(LocalIdentity local, DiameterMessage dwr) {
        return DiameterMessage.answerTo(dwr)
                .avp(BaseAvps.resultCode(2001))
                .avp(BaseAvps.originHost(local.originHost()))
                .avp(BaseAvps.originRealm(local.originRealm()))
                .avp(BaseAvps.originStateId(local.originStateId()))
                .build();
    }
}
