package org.mtcgate.filter.policy;

import org.mtcgate.filter.DigitMath;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the trusted senders of one ingress that an originator may be: by its identity (a Diameter identity,
 * say), then by its number, exact numbers first and then longer prefixes before shorter ones. Within one key,
 * senders with more conditions (calling GT, TP-OA) come first, then the policy's order.
 */
final class SenderIndex {
    private final Map<String, SenderRule[]> byIdentity;
    private final LongObjectMap<SenderRule[]> byExactAddress;
    /** Prefix lengths present, longest first, and per length the senders keyed by prefix value. */
    private final int[] prefixLengths;
    private final List<LongObjectMap<SenderRule[]>> byPrefix;

    private SenderIndex(Map<String, SenderRule[]> byIdentity, LongObjectMap<SenderRule[]> byExactAddress,
                        int[] prefixLengths, List<LongObjectMap<SenderRule[]>> byPrefix) {
        this.byIdentity = byIdentity;
        this.byExactAddress = byExactAddress;
        this.prefixLengths = prefixLengths;
        this.byPrefix = byPrefix;
    }

    /**
     * The most specific sender whose conditions hold for this originator and, when {@code kind} is not null,
     * which has a grant for that kind; null when there is none.
     */
    SenderRule find(Originator originator, MessageKind kind) {
        return find(originator, kind, false);
    }

    /** As {@link #find(Originator, MessageKind)}; with {@code ignoreLink}, senders bound to other links match too. */
    SenderRule find(Originator originator, MessageKind kind, boolean ignoreLink) {
        SenderRule found = first(byIdentity.get(originator.identity()), originator, kind, ignoreLink);
        if (found != null) {
            return found;
        }
        GlobalTitle address = originator.address();
        if (address == null) {
            return null;
        }
        long value = address.value();
        int length = address.length();
        found = first(byExactAddress.get(DigitMath.key(value, length)), originator, kind, ignoreLink);
        if (found != null) {
            return found;
        }
        for (int i = 0; i < prefixLengths.length; i++) {
            int n = prefixLengths[i];
            if (n <= length) {
                found = first(byPrefix.get(i).get(DigitMath.key(DigitMath.prefix(value, length, n), n)), originator, kind,
                        ignoreLink);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static SenderRule first(SenderRule[] candidates, Originator originator, MessageKind kind, boolean ignoreLink) {
        if (candidates == null) {
            return null;
        }
        for (SenderRule sender : candidates) {
            if ((kind == null || sender.grantsFor(kind).length > 0) && sender.conditionsHold(originator, ignoreLink)) {
                return sender;
            }
        }
        return null;
    }

    /** Collects senders under their keys, then builds the index. */
    static final class Builder {
        private final Map<String, List<SenderRule>> identities = new HashMap<>();
        private final Map<Long, List<SenderRule>> exact = new HashMap<>();
        private final TreeMap<Integer, Map<Long, List<SenderRule>>> prefixes = new TreeMap<>(Comparator.reverseOrder());

        void identity(String identity, SenderRule sender) {
            identities.computeIfAbsent(identity, k -> new ArrayList<>()).add(sender);
        }

        void address(String digits, SenderRule sender) {
            exact.computeIfAbsent(DigitMath.key(DigitMath.parse("address", digits), digits.length()),
                    k -> new ArrayList<>()).add(sender);
        }

        void addressPrefix(String digits, SenderRule sender) {
            prefixes.computeIfAbsent(digits.length(), k -> new HashMap<>())
                    .computeIfAbsent(DigitMath.key(DigitMath.parse("address prefix", digits), digits.length()),
                            k -> new ArrayList<>()).add(sender);
        }

        SenderIndex build() {
            Map<String, SenderRule[]> ids = new HashMap<>();
            identities.forEach((k, v) -> ids.put(k, ordered(v)));
            LongObjectMap<SenderRule[]> exactMap = new LongObjectMap<>();
            exact.forEach((k, v) -> exactMap.put(k, ordered(v)));
            int[] lengths = new int[prefixes.size()];
            List<LongObjectMap<SenderRule[]>> maps = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Integer, Map<Long, List<SenderRule>>> e : prefixes.entrySet()) {
                lengths[i++] = e.getKey();
                LongObjectMap<SenderRule[]> m = new LongObjectMap<>();
                e.getValue().forEach((k, v) -> m.put(k, ordered(v)));
                maps.add(m);
            }
            return new SenderIndex(Map.copyOf(ids), exactMap, lengths, List.copyOf(maps));
        }

        private static SenderRule[] ordered(List<SenderRule> senders) {
            List<SenderRule> copy = new ArrayList<>(senders);
            // Stable sort: more conditions first, the policy's order otherwise.
            copy.sort(Comparator.comparingInt(SenderRule::conditionCount).reversed());
            return copy.toArray(new SenderRule[0]);
        }
    }
}
