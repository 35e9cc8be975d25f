package org.mtcgate.map.peer;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;

/** Ending dialogs that went wrong, so that no dialog is left to the idle timer. */
final class PeerDialogs {
    private static final Logger LOG = LogManager.getLogger(PeerDialogs.class);

    private PeerDialogs() {
    }

    /** TC-U-ABORT towards the peer; if even that fails, release the dialog locally. */
    static void abort(MAPDialog dialog) {
        try {
            dialog.abort(null);
        } catch (MAPException | RuntimeException e) {
            LOG.debug("abort of dialog {} failed, releasing it", dialog.getLocalDialogId(), e);
            dialog.release();
        }
    }
}
