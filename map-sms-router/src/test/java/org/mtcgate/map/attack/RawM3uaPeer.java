package org.mtcgate.map.attack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * An M3UA IPSP client over TCP written byte by byte (RFC 4666), for sending what jSS7's API would never produce:
 * SCCP UDTs carrying hand-built TCAP. It brings its ASP up and active (client side of an IPSP single exchange, as
 * jSS7's server expects), then sends DATA with the OPC, DPC and payload it is told; what the other side sends is
 * read and dropped. Test code only.
 */
final class RawM3uaPeer implements AutoCloseable {
    private static final int CLASS_TRANSFER = 1;
    private static final int CLASS_ASPSM = 3;
    private static final int CLASS_ASPTM = 4;
    private static final int TAG_ROUTING_CONTEXT = 0x0006;
    private static final int TAG_TRAFFIC_MODE = 0x000B;
    private static final int TAG_PROTOCOL_DATA = 0x0210;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final long routingContext;
    private Thread drain;

    private RawM3uaPeer(Socket socket, long routingContext) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.routingContext = routingContext;
    }

    /** Connects from {@code localPort}, sends ASPUP and ASPAC, and waits for both acknowledgements. */
    static RawM3uaPeer connect(int localPort, String host, int port, long routingContext, long timeout, TimeUnit unit)
            throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(host, localPort)); // jSS7's server association knows its peer by address and port
        s.connect(new InetSocketAddress(host, port), (int) unit.toMillis(timeout));
        s.setSoTimeout((int) unit.toMillis(timeout));
        RawM3uaPeer peer = new RawM3uaPeer(s, routingContext);
        try {
            peer.write(message(CLASS_ASPSM, 1, new byte[0]));
            peer.awaitMessage(CLASS_ASPSM, 4);
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            params.writeBytes(parameter(TAG_TRAFFIC_MODE, int32(2)));
            params.writeBytes(parameter(TAG_ROUTING_CONTEXT, int32(routingContext)));
            peer.write(message(CLASS_ASPTM, 1, params.toByteArray()));
            peer.awaitMessage(CLASS_ASPTM, 3);
            s.setSoTimeout(0);
            peer.startDraining();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return peer;
    }

    /** One M3UA DATA message carrying {@code sccp} (SI 3) from {@code opc} to {@code dpc}. */
    void sendData(int opc, int dpc, int networkIndicator, byte[] sccp) throws IOException {
        ByteArrayOutputStream pd = new ByteArrayOutputStream();
        pd.writeBytes(int32(opc));
        pd.writeBytes(int32(dpc));
        pd.write(3); // SI: SCCP
        pd.write(networkIndicator);
        pd.write(0); // MP
        pd.write(0); // SLS
        pd.writeBytes(sccp);
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(parameter(TAG_ROUTING_CONTEXT, int32(routingContext)));
        params.writeBytes(parameter(TAG_PROTOCOL_DATA, pd.toByteArray()));
        write(message(CLASS_TRANSFER, 1, params.toByteArray()));
    }

    private synchronized void write(byte[] m) throws IOException {
        out.write(m);
        out.flush();
    }

    private void awaitMessage(int messageClass, int type) throws IOException {
        while (true) {
            byte[] header = new byte[8];
            in.readFully(header);
            int length = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8)
                    | (header[7] & 0xFF);
            in.readFully(new byte[length - 8]);
            if ((header[2] & 0xFF) == messageClass && (header[3] & 0xFF) == type) {
                return;
            }
        }
    }

    private void startDraining() {
        drain = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                while (in.read(buf) >= 0) {
                    // what the router sends back (NTFY, P-ABORTs) is not looked at
                }
            } catch (IOException closed) {
                // the socket was closed
            }
        }, "raw-m3ua-drain");
        drain.setDaemon(true);
        drain.start();
    }

    static byte[] message(int messageClass, int type, byte[] params) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(1); // version
        m.write(0);
        m.write(messageClass);
        m.write(type);
        m.writeBytes(int32(8 + params.length));
        m.writeBytes(params);
        return m.toByteArray();
    }

    static byte[] parameter(int tag, byte[] value) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(tag >> 8);
        p.write(tag);
        int length = 4 + value.length;
        p.write(length >> 8);
        p.write(length);
        p.writeBytes(value);
        for (int i = length; i % 4 != 0; i++) {
            p.write(0);
        }
        return p.toByteArray();
    }

    static byte[] int32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
