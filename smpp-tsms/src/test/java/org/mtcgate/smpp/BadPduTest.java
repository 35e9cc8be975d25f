package org.mtcgate.smpp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a peer may write before or instead of a bind: the server answers or closes that connection, never
 * allocates what a header claims, and goes on serving the next SME.
 */
class BadPduTest {
    TsmsFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new TsmsFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void oversizeCommandLengthGetsGenericNackAndClose() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(16).putInt(0x7FFFFFFF).putInt(0x00000009).putInt(0).putInt(1);
        byte[] answer = exchange(header.array());
        assertNackThenClosed(answer);
        stillServes();
    }

    @Test
    void commandLengthBelowTheHeaderGetsGenericNack() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(16).putInt(-5).putInt(0x00000009).putInt(0).putInt(1);
        assertNackThenClosed(exchange(header.array()));
        stillServes();
    }

    @Test
    void garbageIsRefusedAndTheServerGoesOn() throws Exception {
        byte[] answer = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNackThenClosed(answer);
        stillServes();
    }

    @Test
    void aPduOtherThanBindBeforeTheBindClosesTheConnection() throws Exception {
        ByteBuffer pdu = ByteBuffer.allocate(16).putInt(16).putInt(0x00000777).putInt(0).putInt(7);
        assertEquals(0, exchange(pdu.array()).length, "nothing is served before a bind");
        stillServes();
    }

    @Test
    void afterTheBindAnUnknownCommandGetsGenericNackAndTheSessionGoesOn() throws Exception {
        try (Socket s = new Socket("127.0.0.1", fx.port())) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            s.getOutputStream().write(bindTransceiver("tracker", "trk-pw", 1));
            int[] bindResp = header(in);
            assertEquals(0x80000009, bindResp[1]);
            assertEquals(0, bindResp[2], "bound");
            in.skipBytes(bindResp[0] - 16);
            s.getOutputStream().write(ByteBuffer.allocate(16).putInt(16).putInt(0x00000777).putInt(0).putInt(2).array());
            int[] nack = header(in);
            assertEquals(0x80000000, nack[1], "generic_nack");
            assertEquals(0x00000003, nack[2], "ESME_RINVCMDID");
            assertEquals(2, nack[3]);
            s.getOutputStream().write(ByteBuffer.allocate(16).putInt(16).putInt(0x00000015).putInt(0).putInt(3).array());
            int[] enquire = header(in);
            assertEquals(0x80000015, enquire[1], "enquire_link_resp: the session goes on");
        }
    }

    private static byte[] bindTransceiver(String systemId, String password, int sequence) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String field : new String[] {systemId, password, ""}) {
            body.writeBytes(field.getBytes(StandardCharsets.US_ASCII));
            body.write(0);
        }
        body.write(0x34);
        body.write(0);
        body.write(0);
        body.write(0);
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(16 + b.length).putInt(16 + b.length).putInt(0x00000009).putInt(0).putInt(sequence)
                .put(b).array();
    }

    private static int[] header(DataInputStream in) throws IOException {
        return new int[] {in.readInt(), in.readInt(), in.readInt(), in.readInt()};
    }

    @Test
    void aConnectionThatNeverBindsIsClosed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", fx.port())) {
            s.setSoTimeout(15_000);
            assertEquals(-1, s.getInputStream().read(), "closed after the bind timeout");
        }
    }

    /** Writes the bytes and reads what comes back until the server closes (at most 10 s). */
    private byte[] exchange(byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", fx.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return readUntilClosed(s.getInputStream());
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[256];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | EOFException e) {
            throw new AssertionError("the server kept the connection open: " + out.size() + " octets so far");
        } catch (java.net.SocketException e) {
            // reset after the close: what arrived before counts
        }
        return out.toByteArray();
    }

    private static void assertNackThenClosed(byte[] answer) {
        assertTrue(answer.length >= 16, "a generic_nack first, got " + answer.length + " octets");
        ByteBuffer b = ByteBuffer.wrap(answer);
        assertEquals(16, b.getInt());
        assertEquals(0x80000000, b.getInt(), "generic_nack");
        assertEquals(0x00000002, b.getInt(), "ESME_RINVCMDLEN");
    }

    private void stillServes() {
        NodeSme.requireAvailable();
        var events = NodeSme.run(fx.scenario("tracker", "trk-pw", "", 0));
        assertEquals(0, NodeSme.first(events, "bind").status());
    }
}
