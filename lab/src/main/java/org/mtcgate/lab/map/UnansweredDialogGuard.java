package org.mtcgate.lab.map;

import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.dialog.MAPDialogState;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.Ss7Stack;

/**
 * Aborts every incoming dialog that no listener answered while its first message was delivered: an
 * operation nobody serves here (e.g. MO-ForwardSM to a lab HLR) would otherwise hold a TCAP dialog until the
 * idle timeout, and a peer could fill the dialog table that way. MAP reports the end of a received message
 * with onDialogDelimiter after all its components; a dialog still in INITIAL_RECEIVED then has had no
 * answer. Only for stacks whose listeners all answer synchronously, as the peers of this package do.
 */
public final class UnansweredDialogGuard extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(UnansweredDialogGuard.class);

    private UnansweredDialogGuard() {
    }

    /** Registers a guard on {@code stack}'s MAP provider. */
    public static UnansweredDialogGuard attach(Ss7Stack stack) {
        UnansweredDialogGuard guard = new UnansweredDialogGuard();
        stack.mapProvider().addMAPDialogListener(guard);
        return guard;
    }

    @Override
    public void onDialogDelimiter(MAPDialog dialog) {
        if (dialog.getState() == MAPDialogState.INITIAL_RECEIVED) {
            LOG.info("aborting unanswered incoming dialog {} ({})", dialog.getLocalDialogId(),
                    dialog.getApplicationContext());
            Dialogs.abort(dialog);
        }
    }
}
