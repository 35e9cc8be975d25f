package org.mtcgate.smpp;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * jSMPP's reader with a bound on command_length. jSMPP allocates whatever command_length says before reading the
 * body, so one header of 0x7FFFFFFF (or the first four octets of an HTTP request) would ask for 2 GB; and a length
 * below the header's 16 octets makes it allocate a negative array. Either is refused here before any allocation:
 * the session answers generic_nack ESME_RINVCMDLEN and closes.
 */
final class BoundedPduReader extends DefaultPDUReader {
    /** submit_sm with a full message_payload (64 KB) and every other field at its longest fits below this. */
    static final int MAX_COMMAND_LENGTH = 70_000;
    private static final int HEADER = 16;

    private final PduTap tap;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;

    BoundedPduReader() {
        this(PduTap.NONE, null, null);
    }

    /** The tap sees every whole PDU read from this connection. */
    BoundedPduReader(PduTap tap, InetSocketAddress local, InetSocketAddress remote) {
        this.tap = tap;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public byte[] readPDU(DataInputStream in, Command header) throws IOException {
        byte[] pdu = super.readPDU(in, header);
        if (tap.wanted()) {
            tap.seen(true, local, remote, pdu.clone());
        }
        return pdu;
    }

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        int length = in.readInt();
        if (length < HEADER || length > MAX_COMMAND_LENGTH) {
            throw new InvalidCommandLengthException("command_length " + length + " is outside " + HEADER + ".."
                    + MAX_COMMAND_LENGTH);
        }
        Command header = new Command();
        header.setCommandLength(length);
        header.setCommandId(in.readInt());
        header.setCommandStatus(in.readInt());
        header.setSequenceNumber(in.readInt());
        return header;
    }
}
