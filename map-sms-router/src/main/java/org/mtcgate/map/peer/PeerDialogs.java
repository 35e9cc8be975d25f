package org.mtcgate.map.peer;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;

/** Ending dialogs that went wrong, so that no dialog is left to the idle timer. */
final class PeerDialogs {
    private static final Logger LOG = LogManager.getLogger(PeerDialogs.class);

    private PeerDialogs() {
    }

    /**
     * MAP-U-ABORT with a user-specific reason (TS 29.002 7.3.4) towards the peer; if even that fails, the
     * dialog is released locally.
     */
    static void abort(MAPDialog dialog) {
        try {
            MAPUserAbortChoice choice = dialog.getService().getMAPProvider().getMAPParameterFactory()
                    .createMAPUserAbortChoice();
            choice.setUserSpecificReason();
            dialog.abort(choice);
        } catch (MAPException | RuntimeException e) {
            LOG.debug("abort of dialog {} failed, releasing it", dialog.getLocalDialogId(), e);
            dialog.release();
        }
    }
}
