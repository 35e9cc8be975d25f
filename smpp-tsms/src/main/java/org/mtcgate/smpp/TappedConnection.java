package org.mtcgate.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jSMPP's socket connection whose output shows a {@link PduTap} every PDU sent: jSMPP's sender writes each whole PDU
 * with one {@code write(byte[])} and flushes it.
 */
final class TappedConnection extends SocketConnection {
    private final OutputStream out;

    TappedConnection(Socket socket, PduTap tap) throws IOException {
        super(socket);
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        OutputStream raw = super.getOutputStream();
        this.out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                raw.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (tap.wanted()) {
                    tap.seen(false, local, remote, java.util.Arrays.copyOfRange(b, off, off + len));
                }
                raw.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                raw.flush();
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }
}
