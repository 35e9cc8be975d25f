package org.mtcgate.diameter.peer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.DoicAvps;
import org.mtcgate.diameter.dictionary.ResultCode;

/**
 * Bounds the requests being handled and not yet answered, per peer and in total (RFC 6733 7.1.3 3004
 * DIAMETER_TOO_BUSY beyond either), and reports overload to peers that support DOIC (RFC 7683).
 *
 * <p>The per-peer bound is what makes it fair: a peer flooding at ten times its rate fills its own share and
 * gets 3004 for the rest, while the total stays below its bound and the other peers are served. Counts are
 * atomics, so admission costs two atomic adds and takes no lock; it runs on event loops and, for the release,
 * on whatever thread completes a handler's future.
 *
 * <p>DOIC: a request with OC-Supported-Features gets OC-Supported-Features back (the loss algorithm, if it
 * offered it), and while its peer is over its share (three quarters of its bound, or the node over three
 * quarters of the total) an OC-OLR host report asking for {@link OverloadSettings#doicReduction()} percent;
 * the first answer after that carries a report with validity 0, which ends the reduction (RFC 7683 5.5.2).
 */
final class OverloadGuard {
    private static final Logger LOG = LogManager.getLogger(OverloadGuard.class);
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    /** Peers are authenticated hosts, so few; this only keeps a misconfigured node from growing without end. */
    private static final int MAX_PEERS = 10_000;

    private final OverloadSettings settings;
    private final OverloadListener listener;
    private final ErrorAnswers errors;
    private final LongSupplier nanoClock;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentMap<String, PeerLoad> peers = new ConcurrentHashMap<>();
    /** RFC 7683 5.5.1: sequence numbers only grow, also across restarts, hence the clock as the start. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());

    OverloadGuard(OverloadSettings settings, OverloadListener listener, ErrorAnswers errors, LongSupplier nanoClock) {
        this.settings = settings;
        this.listener = listener;
        this.errors = errors;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a place for {@code request} from {@code peer} (its authenticated Origin-Host). Returns the
     * admission, to {@link Admission#complete complete} with the answer, or empty when the request must be
     * answered with {@link #tooBusy} at once.
     */
    Optional<Admission> admit(String peer, DiameterMessage request, Counters counters) {
        PeerLoad load = load(peer);
        int p = load.pending.incrementAndGet();
        int t = total.incrementAndGet();
        if (p <= settings.maxPendingPerPeer() && t <= settings.maxPendingTotal()) {
            return Optional.of(new Admission(load, DoicAvps.advertisedFeatures(request)));
        }
        load.pending.decrementAndGet();
        total.decrementAndGet();
        counters.increment(Counter.TOO_BUSY_ANSWERS);
        boolean perPeer = p > settings.maxPendingPerPeer();
        load.refused(perPeer ? OverloadListener.Scope.PEER : OverloadListener.Scope.TOTAL,
                perPeer ? p - 1 : t - 1, perPeer ? settings.maxPendingPerPeer() : settings.maxPendingTotal());
        return Optional.empty();
    }

    /** The 3004 answer for a request {@link #admit} refused; with an OLR when the peer supports DOIC. */
    DiameterMessage tooBusy(String peer, DiameterMessage request) {
        DiameterMessage answer = errors.build(request, ResultCode.DIAMETER_TOO_BUSY.code(), Optional.empty(),
                "too many requests pending");
        long features = DoicAvps.advertisedFeatures(request);
        return features == 0 ? answer : load(peer).decorate(answer, features);
    }

    int pending() {
        return total.get();
    }

    /**
     * Reports refusals not reported yet (the node calls this every second, off the event loops), so every
     * refusal reaches the listener within about a second, also when the peer has gone quiet.
     */
    void flushRefusals() {
        for (PeerLoad l : peers.values()) {
            if (l.unreportedFlag) {
                l.flush();
            }
        }
    }

    int pending(String peer) {
        PeerLoad l = peers.get(peer);
        return l == null ? 0 : l.pending.get();
    }

    private PeerLoad load(String peer) {
        PeerLoad l = peers.get(peer);
        if (l != null) {
            return l;
        }
        if (peers.size() >= MAX_PEERS) {
            return peers.computeIfAbsent("(other peers)", PeerLoad::new);
        }
        return peers.computeIfAbsent(peer, PeerLoad::new);
    }

    /** One admitted request. */
    final class Admission {
        private final PeerLoad load;
        private final long features;
        private boolean released;

        private Admission(PeerLoad load, long features) {
            this.load = load;
            this.features = features;
        }

        /** Gives the place back; returns the answer, with the DOIC AVPs when the request asked for them. */
        DiameterMessage complete(DiameterMessage answer) {
            DiameterMessage out = features == 0 ? answer : load.decorate(answer, features);
            release();
            return out;
        }

        /** Gives the place back when no answer goes out. Idempotent. */
        void release() {
            if (!released) {
                released = true;
                load.pending.decrementAndGet();
                total.decrementAndGet();
            }
        }
    }

    /** What the guard knows of one peer. */
    private final class PeerLoad {
        private final String peer;
        private final AtomicInteger pending = new AtomicInteger();
        /** True while refusals wait to be reported: only then does the flush take the lock. */
        private volatile boolean unreportedFlag;
        // Refusals not yet reported to the listener; guarded by this.
        private long unreported;
        private long lastReportNanos;
        private boolean reportedOnce;
        private OverloadListener.Scope lastScope = OverloadListener.Scope.PEER;
        private int lastPending;
        private int lastLimit;
        // DOIC state; guarded by this.
        private boolean reporting;
        private boolean endPending;
        private long reportSequence;

        PeerLoad(String peer) {
            this.peer = peer;
        }

        /** Reported at once when the previous report is a second old or more, else left to the flush. */
        void refused(OverloadListener.Scope scope, int pendingNow, int limit) {
            synchronized (this) {
                unreported++;
                unreportedFlag = true;
                lastScope = scope;
                lastPending = pendingNow;
                lastLimit = limit;
                if (reportedOnce && nanoClock.getAsLong() - lastReportNanos < REPORT_INTERVAL_NANOS) {
                    return;
                }
            }
            flush();
        }

        void flush() {
            long count;
            OverloadListener.Scope scope;
            int p;
            int limit;
            synchronized (this) {
                unreportedFlag = false;
                if (unreported == 0) {
                    return;
                }
                count = unreported;
                unreported = 0;
                reportedOnce = true;
                lastReportNanos = nanoClock.getAsLong();
                scope = lastScope;
                p = lastPending;
                limit = lastLimit;
            }
            // At most one line a second per peer, with the count: never a line per refused request.
            LOG.warn("{}: {} request(s) refused with 3004 DIAMETER_TOO_BUSY; {} {} pending (limit {})", peer, count,
                    p, scope == OverloadListener.Scope.PEER ? "from this peer" : "in total", limit);
            notifyListener(scope, count, p, limit);
        }

        private void notifyListener(OverloadListener.Scope scope, long count, int p, int limit) {
            try {
                listener.tooBusy(peer, scope, count, p, limit);
            } catch (RuntimeException e) {
                LOG.warn("overload listener failed", e);
            }
        }

        boolean overShare() {
            return pending.get() >= settings.peerHighWater() || total.get() >= settings.totalHighWater();
        }

        /** RFC 7683 5.3/5.5: OC-Supported-Features with the algorithm chosen, and the host report if any. */
        DiameterMessage decorate(DiameterMessage answer, long features) {
            boolean loss = (features & DoicAvps.OLR_DEFAULT_ALGO) != 0;
            DiameterMessage.Builder b = answer.toBuilder()
                    .avp(DoicAvps.supportedFeatures(loss ? DoicAvps.OLR_DEFAULT_ALGO : 0L));
            if (!loss) {
                return b.build();
            }
            boolean over = overShare();
            long seq;
            boolean end;
            synchronized (this) {
                if (over && !reporting) {
                    reporting = true;
                    endPending = false;
                    reportSequence = sequence.incrementAndGet();
                } else if (!over && reporting) {
                    reporting = false;
                    endPending = true;
                    reportSequence = sequence.incrementAndGet();
                }
                if (!reporting && !endPending) {
                    return b.build();
                }
                seq = reportSequence;
                end = !reporting;
                endPending = false;
            }
            return b.avp(end ? DoicAvps.hostReport(seq, 0, 0)
                    : DoicAvps.hostReport(seq, settings.doicReduction(), settings.doicValidity().toSeconds())).build();
        }
    }
}
