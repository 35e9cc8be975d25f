package org.mtcgate.diameter.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.mtcgate.diameter.codec.AvpParser;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/** A blocking plain-TCP peer that can send arbitrary bytes; used to feed the node bad input. */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String host = "raw.invalid";
    private String realm = "invalid";

    public RawPeer(InetSocketAddress server, Duration readTimeout) throws IOException {
        this(new Socket(server.getAddress(), server.getPort()), readTimeout);
    }

    /** Wraps an already connected socket, e.g. a JSSE SSLSocket. */
    public RawPeer(Socket connected, Duration readTimeout) throws IOException {
        socket = connected;
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public static DiameterMessage cer(String host, String realm) {
        return DiameterMessage.request(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON, false)
                .hopByHopId(1).endToEndId(1)
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                .avp(BaseAvps.hostIpAddress(TestPeers.LOOPBACK)).avp(BaseAvps.vendorId(0))
                .avp(BaseAvps.productName("raw")).avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.TSP))
                .build();
    }

    public static byte[] bytes(DiameterMessage m) {
        ByteBuf b = Unpooled.buffer();
        DiameterMessageEncoder.encode(m, b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    public void send(DiameterMessage m) throws IOException {
        sendBytes(bytes(m));
    }

    public void sendBytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Reads the next message that is not a DWR, answering DWRs on the way so that the server's
     * watchdog never interferes with a test. Throws EOFException if the server closed.
     */
    public DiameterMessage read() throws IOException {
        while (true) {
            DiameterMessage m = readAny();
            if (m.isRequest() && m.commandCode() == CommandCodes.DEVICE_WATCHDOG) {
                send(DiameterMessage.answerTo(m).avp(BaseAvps.resultCode(2001))
                        .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build());
                continue;
            }
            return m;
        }
    }

    /** Reads one message, whatever it is. */
    public DiameterMessage readAny() throws IOException {
        int first = in.readInt();
        int length = first & 0xFFFFFF;
        byte[] rest = new byte[length - 4];
        in.readFully(rest);
        ByteBuf h = Unpooled.wrappedBuffer(rest);
        return DiameterMessage.builder().flags(h.getUnsignedByte(0)).commandCode(h.getUnsignedMedium(1))
                .applicationId(h.getUnsignedInt(4)).hopByHopId(h.getInt(8)).endToEndId(h.getInt(12))
                .avps(AvpParser.parse(rest, 16, rest.length)).build();
    }

    /** True when the server closed the connection (EOF or reset) before the read timeout. */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // EOF, reset, or a TLS alert: the server ended the connection either way.
            return true;
        }
    }

    public DiameterMessage openWithCer(String host, String realm) throws IOException {
        this.host = host;
        this.realm = realm;
        send(cer(host, realm));
        return read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
