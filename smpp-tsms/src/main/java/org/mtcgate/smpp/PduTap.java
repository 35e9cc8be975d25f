package org.mtcgate.smpp;

import java.net.InetSocketAddress;

/**
 * Sees every whole SMPP PDU of every Tsms connection, received and sent, after TLS if any. For captures; called on
 * jSMPP's reading and sending threads, so an implementation must only hand the PDU over (it may keep the array) and
 * never block.
 */
public interface PduTap {
    /** Sees nothing; connections are served as they are. */
    PduTap NONE = new PduTap() {
        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] pdu) {
        }
    };

    /** Whether PDUs are wanted now; copies are made only while it says yes. */
    boolean wanted();

    /**
     * @param received true for a PDU from the SME, false for one the SMS-SC sent
     * @param pdu      one whole PDU (command_length first), a copy the tap may keep
     */
    void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] pdu);
}
