package org.mtcgate.filter.concat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Segment;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;

/**
 * Judges the parts of a concatenated SM together (TS 23.040 9.2.3.24.1, 9.2.3.24.8). A handset joins parts
 * with the same originator (TP-OA), reference and total, and acts on the message only once every part is
 * there. Every part is screened on its own first; when one part is blocked as a protected kind, the message
 * is marked, and every later part of it, whatever it carries, is blocked too (rule
 * {@value #RULE}), including a part sent again without the marker.
 *
 * <p>Parts relayed before the protected one arrived cannot be recalled; they are harmless, since the handset
 * never gets the blocked part and so never completes the message. This router does not hold parts back: an
 * SMSC that waits for each part's result before sending the next would otherwise stall until the hold timed
 * out. The block event says how many parts had already been relayed.
 *
 * <p>Bounds: at most {@code maxMessages} messages are remembered (least recently seen dropped first), each for
 * {@code timeout} after its last part, and a message all of whose parts passed is forgotten at once. A message forgotten early is only judged part by part again. Safe
 * from any thread (one lock, held for a map operation).
 *
 * <p>Key: ingress, originator (TP-OA when given, else the sender's identity), target (IMSI, else MSISDN, else
 * External-Identifier), reference and total.
 */
public final class ConcatenationTracker {
    /** The rule of the verdict for a part of a message another part of which was blocked. */
    public static final String RULE = "concatenated-protected";

    private final int maxMessages;
    private final long timeoutNanos;
    private final TimeSource time;
    private final LinkedHashMap<Key, Entry> messages;

    public ConcatenationTracker(int maxMessages, java.time.Duration timeout, TimeSource time) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1");
        }
        this.maxMessages = maxMessages;
        this.timeoutNanos = timeout.toNanos();
        this.time = Objects.requireNonNull(time, "time");
        this.messages = new LinkedHashMap<>(Math.min(maxMessages, 1024), 0.75f, true);
    }

    /**
     * The verdict for {@code item} given the filter's {@code verdict} and the {@code kind} the policy gave it.
     * Items that are no part of a concatenated SM come back with their verdict unchanged.
     */
    public Verdict screen(InboundItem item, MessageKind kind, Verdict verdict) {
        Segment segment = item.segment();
        if (segment == null) {
            return verdict;
        }
        Key key = Key.of(item, segment);
        long now = time.nanoTime();
        synchronized (messages) {
            expire(now);
            Entry entry = messages.get(key);
            if (entry == null) {
                entry = new Entry();
                messages.put(key, entry);
                if (messages.size() > maxMessages) {
                    Iterator<Map.Entry<Key, Entry>> eldest = messages.entrySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
            entry.lastSeen = now;
            if (!verdict.allowed()) {
                if (kind.isProtected() && entry.blockedBy == null) {
                    entry.blockedBy = verdict;
                }
                return verdict;
            }
            if (entry.blockedBy != null) {
                return Verdict.block(RULE, "part " + segment.sequence() + " of " + segment.total()
                        + " of a concatenated SM (reference " + segment.reference() + ") another part of which was"
                        + " blocked by " + entry.blockedBy.ruleId() + "; " + entry.relayed
                        + " earlier part(s) had been relayed and cannot complete the message",
                        RequestStatus.NOTAUTHORIZED);
            }
            if (++entry.relayed >= segment.total()) {
                messages.remove(key); // every part passed: nothing left to block
            }
            return verdict;
        }
    }

    /** How many messages are remembered now. */
    public int size() {
        synchronized (messages) {
            return messages.size();
        }
    }

    private void expire(long now) {
        Iterator<Entry> it = messages.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().lastSeen < timeoutNanos) {
                return; // access order: the rest were seen later
            }
            it.remove();
        }
    }

    private static final class Entry {
        long lastSeen;
        int relayed;
        Verdict blockedBy;
    }

    private record Key(int ingress, String originator, String target, int reference, int total) {
        static Key of(InboundItem item, Segment segment) {
            String originator = item.originator().tpOriginatingAddress() != null
                    ? item.originator().tpOriginatingAddress().digits() : item.originator().identity();
            String target = item.targetImsi() != null ? item.targetImsi().digits()
                    : item.targetMsisdn() != null ? item.targetMsisdn().digits()
                    : item.targetExternalId() != null ? item.targetExternalId().value() : "";
            return new Key(item.ingress().ordinal(), originator, target, segment.reference(), segment.total());
        }
    }
}
