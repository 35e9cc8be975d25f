package org.mtcgate.map.dialog;

import org.mobicents.protocols.ss7.sccp.NetworkIdState;
import org.mobicents.protocols.ss7.sccp.RemoteSccpStatus;
import org.mobicents.protocols.ss7.sccp.SccpListener;
import org.mobicents.protocols.ss7.sccp.SignallingPointStatus;
import org.mobicents.protocols.ss7.sccp.message.SccpDataMessage;
import org.mobicents.protocols.ss7.sccp.message.SccpNoticeMessage;

/**
 * An SCCP listener placed in front of another (TCAP): it passes every SCCP event on unchanged; subclasses
 * override {@link #onMessage} to check data messages before they reach the listener behind.
 */
public abstract class ForwardingSccpListener implements SccpListener {
    private static final long serialVersionUID = 1L;
    /** The listener behind this one; jSS7 never serialises listeners, hence transient. */
    protected final transient SccpListener next;

    protected ForwardingSccpListener(SccpListener next) {
        this.next = java.util.Objects.requireNonNull(next);
    }

    @Override
    public void onMessage(SccpDataMessage message) {
        next.onMessage(message);
    }

    @Override
    public void onNotice(SccpNoticeMessage message) {
        next.onNotice(message);
    }

    @Override
    public void onCoordResponse(int ssn, int multiplicityIndicator) {
        next.onCoordResponse(ssn, multiplicityIndicator);
    }

    @Override
    public void onState(int dpc, int ssn, boolean inService, int multiplicityIndicator) {
        next.onState(dpc, ssn, inService, multiplicityIndicator);
    }

    @Override
    public void onPcState(int dpc, SignallingPointStatus status, Integer restrictedImportanceLevel,
                          RemoteSccpStatus remoteSccpStatus) {
        next.onPcState(dpc, status, restrictedImportanceLevel, remoteSccpStatus);
    }

    @Override
    public void onNetworkIdState(int networkId, NetworkIdState networkIdState) {
        next.onNetworkIdState(networkId, networkIdState);
    }
}
