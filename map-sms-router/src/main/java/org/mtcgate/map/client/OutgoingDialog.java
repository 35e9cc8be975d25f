package org.mtcgate.map.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;

/**
 * One operation of a {@link MapClient}: what to invoke in a new dialog and what of the answer is its result. It is
 * the dialog's user object while the dialog lives, so the client finds it without a lookup table; one object per
 * operation, used once. Its hooks run on jSS7 threads: never block in them.
 */
public abstract class OutgoingDialog<T> {
    private final CompletableFuture<MapOutcome<T>> outcome = new CompletableFuture<>();
    /** Set by {@link MapClient#begin} before the dialog exists, and published to jSS7's threads with the dialog. */
    MapClient client;
    /** Only for bounded clients: whether the place in flight has been given back. */
    @SuppressWarnings("unused") // through ENDED
    private volatile boolean ended;
    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(OutgoingDialog.class, "ended", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The application context (and version) of the dialog. */
    protected abstract MAPApplicationContext context();

    /** Adds the invoke to the new dialog, with {@code invokeTimeoutMillis} (jSS7's MAP ignores TCAP's otherwise). */
    protected abstract void invoke(MAPDialogSms dialog, int invokeTimeoutMillis) throws MAPException;

    /** A component of the peer's answer (a result, or a request such as InformServiceCentre within it). */
    protected abstract void onComponent(MAPMessage component);

    /** The peer's message has been read whole: a result kept meanwhile becomes the outcome now. */
    protected void onMessageEnd() {
    }

    /** The operation's result: the first outcome wins, later ones are ignored. */
    protected final void succeed(T value) {
        end(new MapOutcome.Result<>(value));
    }

    /** The outcome; it always completes normally, on a jSS7 thread (or the caller's when it was never sent). */
    public final CompletableFuture<MapOutcome<T>> outcome() {
        return outcome;
    }

    /**
     * Ends the operation once. A bounded client's place is given back before the outcome completes, so that a
     * continuation may send the next operation at once; unbounded, the future alone decides who ends it.
     */
    final boolean end(MapOutcome<T> result) {
        if (client.bounded()) {
            if (!ENDED.compareAndSet(this, false, true)) {
                return false;
            }
            client.ended();
        }
        return outcome.complete(result);
    }

    final boolean fail(MapOutcome.Kind kind, String reason) {
        return end(new MapOutcome.Failure<>(kind, reason));
    }
}
