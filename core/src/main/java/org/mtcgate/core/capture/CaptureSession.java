package org.mtcgate.core.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One running capture: the signalling threads offer messages to a bounded queue (a full queue drops and counts,
 * never waits) and one writer thread frames them and writes the file. It ends by itself at its size or packet limit
 * or on a disk error, which is logged once and never reaches a signalling thread.
 */
final class CaptureSession {
    private static final Logger LOG = LogManager.getLogger(CaptureSession.class);
    static final int QUEUE = 8192;
    /** Octets the queue may hold: 8,192 messages of 64 KB would be half a gigabyte. */
    static final long QUEUE_OCTETS = 32L * 1024 * 1024;
    private static final CapturedMessage END = new CapturedMessage(Protocol.DIAMETER, false, null, null, "", 0,
            new byte[0], 0);

    private final CaptureSettings settings;
    private final BlockingQueue<CapturedMessage> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queuedOctets = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final Thread writer;
    private final Consumer<CaptureSession> onEnd;
    private final CaptureTotals totals;
    private final OutputStream out;
    private final PcapngFile file;
    private final SctpFrames sctp = new SctpFrames();
    private final TcpFrames tcp = new TcpFrames();
    private volatile String ended;

    private CaptureSession(CaptureSettings settings, OutputStream out, PcapngFile file, Consumer<CaptureSession> onEnd,
                           CaptureTotals totals) {
        this.settings = settings;
        this.totals = totals;
        this.out = out;
        this.file = file;
        this.onEnd = onEnd;
        this.writer = new Thread(this::write, "pcap-writer");
        writer.setDaemon(true);
    }

    /**
     * Opens the file (refusing an existing one unless {@code overwrite}) and starts writing.
     *
     * @param onEnd told, on the writer thread, when the capture ended by itself (limit, disk error)
     */
    static CaptureSession open(CaptureSettings settings, boolean overwrite, Consumer<CaptureSession> onEnd, CaptureTotals totals)
            throws IOException {
        java.nio.file.Path parent = settings.file().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = new BufferedOutputStream(overwrite
                ? Files.newOutputStream(settings.file(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)
                : Files.newOutputStream(settings.file(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
        PcapngFile file;
        try {
            file = PcapngFile.start(out, "mtcgate");
            out.flush();
        } catch (IOException e) {
            out.close();
            throw e;
        }
        CaptureSession s = new CaptureSession(settings, out, file, onEnd, totals);
        s.writer.start();
        return s;
    }

    /** From a signalling thread: never blocks; a full queue (in messages or octets) drops the message and counts it. */
    void offer(CapturedMessage m) {
        if (ended != null) {
            return;
        }
        int size = m.payload().length;
        if (queuedOctets.addAndGet(size) > QUEUE_OCTETS || !queue.offer(m)) {
            queuedOctets.addAndGet(-size);
            dropped.incrementAndGet();
            totals.dropped.increment();
        }
    }

    CaptureSettings settings() {
        return settings;
    }

    /** Writes what is queued, closes the file and waits (bounded) for the writer to finish. */
    void stop() throws InterruptedException {
        if (writer.isAlive()) {
            // Waits for room only as long as the writer needs to take a few messages.
            if (!queue.offer(END, 5, TimeUnit.SECONDS)) {
                writer.interrupt();
            }
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** One line: file, filter, counts and, once over, why it ended. */
    String status() {
        return String.format("%s: %s, %,d packets (%,d octets), %,d dropped (queue full), %,d too large%s",
                settings.file(), settings.filter().describe(), packets.get(), file.size(), dropped.get(), tooLarge.get(),
                ended == null ? "" : "; ended: " + ended);
    }

    private void write() {
        String why = "stopped";
        try {
            while (true) {
                CapturedMessage m = queue.take();
                if (m == END) {
                    break;
                }
                queuedOctets.addAndGet(-m.payload().length);
                List<byte[]> framed = m.protocol().sctp() ? single(sctp.frame(m)) : tcp.frames(m);
                if (framed.isEmpty()) {
                    tooLarge.incrementAndGet();
                    totals.tooLarge.increment();
                    continue;
                }
                for (byte[] packet : framed) {
                    file.packet(m.micros(), m.received(), packet, comment(m));
                    packets.incrementAndGet();
                    totals.written.increment();
                }
                if (packets.get() >= settings.maxPackets()) {
                    why = "packet limit " + settings.maxPackets() + " reached";
                    break;
                }
                if (file.size() >= settings.maxBytes()) {
                    why = "size limit " + settings.maxBytes() + " octets reached";
                    break;
                }
                if (queue.isEmpty()) {
                    file.flush(); // whoever reads the file while it grows sees whole packets
                }
            }
        } catch (IOException e) {
            why = "write failed: " + e.getMessage();
            LOG.warn("capture {} ends: {}", settings.file(), why);
        } catch (InterruptedException e) {
            why = "interrupted";
        } finally {
            ended = why;
            queue.clear();
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("capture {}: closing failed: {}", settings.file(), e.getMessage());
            }
            LOG.info("capture {} ended ({}): {} packets", settings.file(), why, packets.get());
            onEnd.accept(this);
        }
    }

    private static List<byte[]> single(byte[] packet) {
        return packet == null ? List.of() : List.of(packet);
    }

    private static String comment(CapturedMessage m) {
        return m.peer().isEmpty() ? null : "peer " + m.peer();
    }
}
