package org.mtcgate.core.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mtcgate.diameter.peer.WireTap;
import org.mtcgate.map.stack.M3uaTap;
import org.mtcgate.smpp.PduTap;
import org.mtcgate.t8.StreamTap;

/**
 * The node's signalling capture: the taps of the Diameter endpoint, the SS7 stack, T8 and Tsms feed the one capture that
 * runs, if any (from the config's {@code trace.pcap} at start, or the console's {@code trace pcap}). While none runs,
 * the taps say so and nothing is copied.
 */
public final class PacketCapture implements AutoCloseable {
    private final Clock clock;
    private final AtomicReference<CaptureSession> current = new AtomicReference<>();
    private final CaptureTotals totals = new CaptureTotals();
    private volatile String last = "";

    public PacketCapture(Clock clock) {
        this.clock = clock;
    }

    /** Starts a capture; refused while another runs, or when the file exists and {@code overwrite} is off. */
    public synchronized String start(CaptureSettings settings, boolean overwrite) throws IOException {
        if (current.get() != null) {
            throw new IllegalStateException("a capture is running: " + current.get().status() + " (trace pcap stop first)");
        }
        CaptureSession s = CaptureSession.open(settings, overwrite, ended -> {
            if (current.compareAndSet(ended, null)) {
                last = ended.status();
            }
        }, totals);
        current.set(s);
        return s.status();
    }

    /** Stops the running capture and returns its last status, or empty when none ran. */
    public synchronized Optional<String> stop() throws InterruptedException {
        CaptureSession s = current.getAndSet(null);
        if (s == null) {
            return Optional.empty();
        }
        s.stop();
        last = s.status();
        return Optional.of(last);
    }

    /** The running capture's status, or the last one's. */
    public String status() {
        CaptureSession s = current.get();
        if (s != null) {
            return "capturing to " + s.status();
        }
        return last.isEmpty() ? "no capture" : "no capture running; the last: " + last;
    }

    /**
     * Every capture's messages since the node started, by outcome: {@code written}, {@code dropped} (queue full),
     * {@code too-large}.
     */
    public Map<String, Long> totals() {
        return totals.byOutcome();
    }

    public boolean running() {
        return current.get() != null;
    }

    /** The tap for the Diameter endpoint. */
    public WireTap diameterTap() {
        return new WireTap() {
            @Override
            public boolean wanted() {
                return current.get() != null;
            }

            @Override
            public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] message) {
                offer(Protocol.DIAMETER, received, local, remote, "", 0, message);
            }
        };
    }

    /** The tap for the SS7 stack's associations. */
    public M3uaTap m3uaTap() {
        return new M3uaTap() {
            @Override
            public boolean wanted() {
                return current.get() != null;
            }

            @Override
            public void seen(String peer, boolean received, InetSocketAddress local, InetSocketAddress remote, int stream,
                             byte[] message) {
                offer(Protocol.M3UA, received, local, remote, peer, stream, message);
            }
        };
    }

    /** The tap for T8's connections (HTTP after TLS). */
    public StreamTap t8Tap() {
        return new StreamTap() {
            @Override
            public boolean wanted() {
                return current.get() != null;
            }

            @Override
            public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] octets) {
                offer(Protocol.HTTP, received, local, remote, "", 0, octets);
            }
        };
    }

    /** The tap for Tsms (SMPP PDUs). */
    public PduTap smppTap() {
        return new PduTap() {
            @Override
            public boolean wanted() {
                return current.get() != null;
            }

            @Override
            public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] pdu) {
                offer(Protocol.SMPP, received, local, remote, "", 0, pdu);
            }
        };
    }

    private void offer(Protocol protocol, boolean received, InetSocketAddress local, InetSocketAddress remote, String peer,
                       int stream, byte[] message) {
        CaptureSession s = current.get();
        if (s == null || !s.settings().filter().matches(protocol, peer, local, remote)) {
            return;
        }
        Instant now = clock.instant();
        s.offer(new CapturedMessage(protocol, received, local, remote, peer, stream, message,
                now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
