package org.mtcgate.map.dialog;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;

/**
 * A received dialog that a handler has taken on, kept as the dialog's user object. It is answered exactly once
 * ({@link #answer}, {@link #answerError}, {@link #abort}), from whichever thread gets there first: the request
 * callback, the callback of an outgoing dialog, or the {@link DialogGuard} when the dialog turns out spoiled.
 * The MAP dialog methods take jSS7's dialog lock themselves.
 */
public final class IncomingDialog {
    private static final Logger LOG = LogManager.getLogger(IncomingDialog.class);

    /** What to add to the dialog before it is closed (a result component). */
    @FunctionalInterface
    public interface Answer {
        void addTo(MAPDialog dialog, long invokeId) throws MAPException;
    }

    private static final Runnable NOTHING = () -> { };

    private final MAPDialog dialog;
    private final long invokeId;
    private final ProtocolErrorReporter owner;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ProtocolError spoiledBy;

    private IncomingDialog(MAPDialog dialog, long invokeId, ProtocolErrorReporter owner) {
        this.dialog = dialog;
        this.invokeId = invokeId;
        this.owner = owner;
    }

    /**
     * Takes on {@code dialog} for the invoke {@code invokeId}, or returns null when it already carries an invoke
     * that was taken on: that dialog is then spoiled (a duplicated component) and the guard aborts it.
     */
    public static IncomingDialog claim(MAPDialog dialog, long invokeId, ProtocolErrorReporter owner) {
        Object existing = dialog.getUserObject();
        if (existing instanceof IncomingDialog taken) {
            taken.spoil(ProtocolError.DUPLICATE_COMPONENT);
            return null;
        }
        if (existing != null) {
            return null; // someone else's dialog (e.g. marked by the guard after a local reject)
        }
        IncomingDialog claimed = new IncomingDialog(dialog, invokeId, owner);
        dialog.setUserObject(claimed);
        return claimed;
    }

    public MAPDialog dialog() {
        return dialog;
    }

    public long invokeId() {
        return invokeId;
    }

    public int mapVersion() {
        return dialog.getApplicationContext().getApplicationContextVersion().getVersion();
    }

    ProtocolErrorReporter owner() {
        return owner;
    }

    void spoil(ProtocolError reason) {
        if (spoiledBy == null) {
            spoiledBy = reason;
        }
    }

    ProtocolError spoiledBy() {
        return spoiledBy;
    }

    /** Whether the dialog has been answered or given up; nothing more may be sent on it then. */
    public boolean finished() {
        return finished.get();
    }

    /** Marks the dialog finished without sending anything (it ended on the peer's side). */
    boolean giveUp() {
        return finished.compareAndSet(false, true);
    }

    /** Adds the result and closes the dialog (TC-END); false when it had been answered already. */
    public boolean answer(Answer answer) {
        return answer(answer, NOTHING);
    }

    /**
     * Adds the result and closes the dialog (TC-END), running {@code first} (counting, auditing) just before it
     * is sent, so that whoever sees the answer also sees its record; false, and nothing run, when the dialog had
     * been answered already.
     */
    public boolean answer(Answer answer, Runnable first) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        runFirst(first);
        try {
            answer.addTo(dialog, invokeId);
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("answering dialog {} failed; aborting it", dialog.getLocalDialogId(), e);
            sendAbort();
        }
        return true;
    }

    /** Returns the MAP error and closes the dialog; false when it had been answered already. */
    public boolean answerError(MAPErrorMessage error) {
        return answerError(error, NOTHING);
    }

    /** As {@link #answer(Answer, Runnable)}, with a MAP error. */
    public boolean answerError(MAPErrorMessage error, Runnable first) {
        return answer((d, id) -> d.sendErrorComponent(id, error), first);
    }

    /** MAP-U-ABORT with a user-specific reason; false when it had been answered already. */
    public boolean abort() {
        return abort(NOTHING);
    }

    /** As {@link #abort()}, running {@code first} before the abort is sent. */
    public boolean abort(Runnable first) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        runFirst(first);
        sendAbort();
        return true;
    }

    private static void runFirst(Runnable first) {
        try {
            first.run();
        } catch (RuntimeException e) {
            LOG.warn("accounting for an answer failed; answering all the same", e);
        }
    }

    private void sendAbort() {
        Dialogs.abort(dialog);
    }
}
