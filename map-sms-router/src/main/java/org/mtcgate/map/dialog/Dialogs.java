package org.mtcgate.map.dialog;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.filter.GlobalTitle;

/** What every MAP party here does with a dialog: end it when it went wrong, and read who sent it. */
public final class Dialogs {
    private static final Logger LOG = LogManager.getLogger(Dialogs.class);

    private Dialogs() {
    }

    /**
     * MAP-U-ABORT with a user-specific reason (TS 29.002 7.3.4) towards the peer; if even that fails, the dialog
     * is released locally, so that no dialog is left to the idle timer.
     */
    public static void abort(MAPDialog dialog) {
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

    /** The SCCP calling party's global title (the node that sent the dialog), or null when it has none usable. */
    public static GlobalTitle callingGlobalTitle(MAPDialog dialog) {
        SccpAddress calling = dialog.getRemoteAddress();
        return calling == null || calling.getGlobalTitle() == null ? null
                : Digits.globalTitle(calling.getGlobalTitle().getDigits());
    }
}
