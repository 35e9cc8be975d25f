package org.mtcgate.map.stack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.api.AssociationListener;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.api.PayloadData;

/**
 * Stands between one association and jSS7's M3UA: a DATA message (RFC 4666 3.3.1) is passed on only when the OPC in
 * its Protocol Data is the point code configured for the peer at the other end; everything else M3UA sends (ASP
 * management, heartbeats, errors) passes untouched.
 *
 * <p>Why: jSS7 attributes a received message to the SCCP network of whichever peer owns its OPC, and it takes
 * the OPC from the message as written. Without this check a peer on the interconnect could write a home peer's
 * point code and be taken for it. With it, "arrived from the peer owning this OPC" means "arrived over that peer's
 * association".
 *
 * <p>Over TCP the payloads are pieces of a byte stream: they are cut into whole M3UA messages (by the length in
 * the common header) before looking, and each whole message is handed on by itself. Runs on the association's
 * Netty thread, one at a time, like the listener it wraps.
 */
final class OriginGuard implements AssociationListener {
    private static final Logger LOG = LogManager.getLogger(OriginGuard.class);
    private static final int HEADER = 8;
    private static final int MAX_MESSAGE = 1 << 16;
    private static final int CLASS_TRANSFER = 1;
    private static final int TYPE_DATA = 1;
    private static final int CLASS_ASPSM = 3;
    private static final int TYPE_ASPDN_ACK = 5;
    /** How long an ASPDN ACK is held back at most; jSS7 marks the ASP within microseconds of its write. */
    static final int HOLD_LIMIT_MS = 500;
    private static final int TAG_PROTOCOL_DATA = 0x0210;

    private final AssociationListener delegate;
    private final String peer;
    private final int pointCode;
    private final AtomicLong dropped = new AtomicLong();
    private final M3uaTap tap;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private volatile byte[] pending = new byte[0];
    private final java.util.function.Supplier<M3uaTraffic> traffic;
    private volatile BooleanSupplier holdAspDownAck = () -> false;

    OriginGuard(AssociationListener delegate, String peer, int pointCode) {
        this(delegate, peer, pointCode, () -> M3uaTraffic.NONE);
    }

    OriginGuard(AssociationListener delegate, String peer, int pointCode, java.util.function.Supplier<M3uaTraffic> traffic) {
        this(delegate, peer, pointCode, traffic, M3uaTap.NONE, null, null);
    }

    /** The tap sees each whole message received, before it is judged: a capture shows what was dropped too. */
    OriginGuard(AssociationListener delegate, String peer, int pointCode, java.util.function.Supplier<M3uaTraffic> traffic,
                M3uaTap tap, InetSocketAddress local, InetSocketAddress remote) {
        this.traffic = traffic;
        this.delegate = delegate;
        this.peer = peer;
        this.pointCode = pointCode;
        this.tap = tap;
        this.local = local;
        this.remote = remote;
    }

    /**
     * While {@code hold} is true, an ASPDN ACK from the peer waits (on the association's event loop, a millisecond at
     * a time, at most {@value #HOLD_LIMIT_MS} ms) before jSS7 sees it: the stack sets this for its stop, whose ASPDN
     * jSS7 writes before it marks the ASP as having sent it.
     */
    void holdAspDownAckWhile(BooleanSupplier hold) {
        this.holdAspDownAck = hold;
    }

    /** DATA messages dropped so far for a foreign or missing OPC, or for a broken framing. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void onPayload(Association association, PayloadData payload) {
        byte[] bytes = copyAndRelease(payload);
        if (association.getIpChannelType() == IpChannelType.SCTP) {
            pass(association, payload, bytes); // one SCTP message is one M3UA message
            return;
        }
        byte[] stream = pending.length == 0 ? bytes : concat(pending, bytes);
        int at = 0;
        while (stream.length - at >= HEADER) {
            long length = readInt(stream, at + 4) & 0xFFFFFFFFL;
            if (length < HEADER || length > MAX_MESSAGE) {
                // The stream cannot be framed any more; jSS7 would misread it as well. Drop what is held.
                drop("an M3UA length of " + length);
                at = stream.length;
                break;
            }
            if (stream.length - at < length) {
                break;
            }
            pass(association, payload, Arrays.copyOfRange(stream, at, at + (int) length));
            at += (int) length;
        }
        pending = at == stream.length ? new byte[0] : Arrays.copyOfRange(stream, at, stream.length);
    }

    private void pass(Association association, PayloadData original, byte[] message) {
        if (tap.wanted()) {
            tap.seen(peer, true, local, remote, original.getStreamNumber(), message);
        }
        String refusal = refusal(message);
        if (refusal != null) {
            drop(refusal);
            return;
        }
        traffic.get().received(peer);
        if (isAspDownAck(message) && holdAspDownAck.getAsBoolean()) {
            EventExecutor loop = ThreadExecutorMap.currentExecutor();
            if (loop != null) {
                deliverWhenMarked(loop, association, original, message, 1);
                return;
            }
        }
        deliver(association, original, message);
    }

    private void deliverWhenMarked(EventExecutor loop, Association association, PayloadData original, byte[] message, int waited) {
        if (waited >= HOLD_LIMIT_MS || !holdAspDownAck.getAsBoolean()) {
            deliver(association, original, message);
            return;
        }
        loop.schedule(() -> deliverWhenMarked(loop, association, original, message, waited + 1), 1, TimeUnit.MILLISECONDS);
    }

    private void deliver(Association association, PayloadData original, byte[] message) {
        delegate.onPayload(association, new PayloadData(message.length, Unpooled.wrappedBuffer(message),
                original.isComplete(), original.isUnordered(), original.getPayloadProtocolId(),
                original.getStreamNumber()));
    }

    /** RFC 4666 3.1.2: message class 3 (ASP state maintenance), type 5 (ASPDN ACK). */
    static boolean isAspDownAck(byte[] m) {
        return m.length >= HEADER && (m[2] & 0xFF) == CLASS_ASPSM && (m[3] & 0xFF) == TYPE_ASPDN_ACK;
    }

    /** Why a whole M3UA message must not be passed on, or null when it may. */
    private String refusal(byte[] m) {
        if (m.length < HEADER || (m[2] & 0xFF) != CLASS_TRANSFER || (m[3] & 0xFF) != TYPE_DATA) {
            return null;
        }
        int at = HEADER;
        while (m.length - at >= 4) {
            int tag = ((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF);
            int length = ((m[at + 2] & 0xFF) << 8) | (m[at + 3] & 0xFF);
            if (length < 4 || at + length > m.length) {
                return "a malformed DATA parameter";
            }
            if (tag == TAG_PROTOCOL_DATA) {
                if (length < 4 + 12) {
                    return "a short Protocol Data parameter";
                }
                int opc = readInt(m, at + 4);
                return opc == pointCode ? null : "OPC " + opc + " (the peer's point code is " + pointCode + ")";
            }
            at += (length + 3) & ~3;
        }
        return "DATA without Protocol Data";
    }

    private void drop(String why) {
        traffic.get().dropped(peer);
        long n = dropped.incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, ...: a flood cannot flood the log
            LOG.warn("peer {}: dropped M3UA DATA with {} ({} dropped so far)", peer, why, n);
        }
    }

    private static byte[] copyAndRelease(PayloadData payload) {
        ByteBuf buf = payload.getByteBuf();
        if (buf == null) {
            return payload.getData();
        }
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    @Override
    public void onCommunicationUp(Association association, int maxInboundStreams, int maxOutboundStreams) {
        pending = new byte[0];
        delegate.onCommunicationUp(association, maxInboundStreams, maxOutboundStreams);
    }

    @Override
    public void onCommunicationShutdown(Association association) {
        pending = new byte[0];
        delegate.onCommunicationShutdown(association);
    }

    @Override
    public void onCommunicationLost(Association association) {
        pending = new byte[0];
        delegate.onCommunicationLost(association);
    }

    @Override
    public void onCommunicationRestart(Association association) {
        pending = new byte[0];
        delegate.onCommunicationRestart(association);
    }

    @Override
    public void inValidStreamId(PayloadData payload) {
        delegate.inValidStreamId(payload);
    }
}
