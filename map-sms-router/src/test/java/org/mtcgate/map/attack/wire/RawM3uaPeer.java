package org.mtcgate.map.attack.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An adjacent signalling point made of bytes: it connects to a node's M3UA server port from the source port the
 * node expects of that peer (a jSS7 server association accepts only its configured client address), brings the
 * ASP up and active (ASPUP, ASPAC for the peer's routing context), then sends whatever SCCP/TCAP/MAP octets a test
 * gives it and hands back what the node answers. Heartbeats are answered.
 */
public final class RawM3uaPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final long routingContext;
    private final int pointCode;
    private final int nodePointCode;
    private final String gt;
    private final LinkedBlockingQueue<Tcap.Message> answers = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> active = new CompletableFuture<>();
    private final AtomicLong transactions = new AtomicLong(0x10000);
    private final Thread reader;
    private volatile boolean closed;

    private RawM3uaPeer(Socket socket, long routingContext, int pointCode, int nodePointCode, String gt)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.routingContext = routingContext;
        this.pointCode = pointCode;
        this.nodePointCode = nodePointCode;
        this.gt = gt;
        this.reader = new Thread(this::read, "raw-m3ua-" + pointCode);
        reader.setDaemon(true);
    }

    /**
     * Connects from {@code localPort} to the node's M3UA server at {@code serverPort} and waits (up to
     * {@code timeoutMillis}) until the ASP is active.
     */
    public static RawM3uaPeer connect(int localPort, int serverPort, long routingContext, int pointCode,
                                      int nodePointCode, String gt, long timeoutMillis) throws Exception {
        Socket s = new Socket();
        s.setReuseAddress(true);
        s.setTcpNoDelay(true);
        s.bind(new InetSocketAddress("127.0.0.1", localPort));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        s.connect(new InetSocketAddress("127.0.0.1", serverPort), (int) timeoutMillis);
        RawM3uaPeer peer = new RawM3uaPeer(s, routingContext, pointCode, nodePointCode, gt);
        peer.reader.start();
        peer.write(M3ua.aspUp());
        peer.active.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                TimeUnit.MILLISECONDS);
        return peer;
    }

    public String gt() {
        return gt;
    }

    /** A fresh originating transaction id. */
    public long newTransaction() {
        return transactions.incrementAndGet();
    }

    /** Sends {@code tcap} in a UDT (LUDT when it is too long) from this peer's GT (SSN 8) to {@code calledGt}. */
    public void sendTcap(String calledGt, int calledSsn, byte[] tcap) throws IOException {
        byte[] called = Sccp.address(calledGt, calledSsn);
        byte[] calling = Sccp.address(gt, 8);
        sendSccp(tcap.length > 250 ? Sccp.ludt(called, calling, tcap) : Sccp.udt(called, calling, tcap));
    }

    /** Sends one SCCP message as M3UA DATA (SI 3 = SCCP, NI 2 national, MP 0). */
    public void sendSccp(byte[] sccp) throws IOException {
        write(M3ua.data(routingContext, pointCode, nodePointCode, 3, 2, 0, (int) (transactions.get() & 0x0F), sccp));
    }

    /** The next TCAP message the node sent, or null after {@code timeoutMillis}. */
    public Tcap.Message nextAnswer(long timeoutMillis) throws InterruptedException {
        return answers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The next answer whose destination transaction id is {@code otid}, skipping others; null after the wait. */
    public Tcap.Message answerTo(long otid, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Tcap.Message m = left <= 0 ? null : answers.poll(left, TimeUnit.MILLISECONDS);
            if (m == null || m.dtid() == otid) {
                return m;
            }
        }
    }

    public void clearAnswers() {
        answers.clear();
    }

    private synchronized void write(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    private void read() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (!closed) {
                byte[] header = new byte[8];
                in.readFully(header);
                int length = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8)
                        | (header[7] & 0xFF);
                byte[] message = new byte[length];
                System.arraycopy(header, 0, message, 0, 8);
                in.readFully(message, 8, length - 8);
                handle(message);
            }
        } catch (SocketTimeoutException e) {
            active.completeExceptionally(e);
        } catch (IOException e) {
            active.completeExceptionally(e);
        }
    }

    private void handle(byte[] message) throws IOException {
        int cls = M3ua.messageClass(message);
        int type = M3ua.type(message);
        if (cls == M3ua.CLASS_ASPSM && type == M3ua.ASPUP_ACK) {
            write(M3ua.aspActive(routingContext));
        } else if (cls == M3ua.CLASS_ASPTM && type == M3ua.ASPAC_ACK) {
            active.complete(null);
        } else if (cls == M3ua.CLASS_ASPSM && type == M3ua.BEAT) {
            byte[] ack = message.clone();
            ack[3] = M3ua.BEAT_ACK;
            write(ack);
        } else if (cls == M3ua.CLASS_TRANSFER && type == M3ua.DATA) {
            byte[] sccp = M3ua.userPart(message);
            byte[] tcap = sccp == null ? null : Sccp.userData(sccp);
            if (tcap != null && tcap.length > 0) {
                answers.add(Tcap.Message.of(tcap));
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
