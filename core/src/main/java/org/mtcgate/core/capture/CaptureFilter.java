package org.mtcgate.core.capture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which messages a capture keeps: words {@code diameter}, {@code m3ua}, {@code http} (or {@code t8}), {@code smpp},
 * {@code peer=<name>} (an SS7 peer's name: M3UA only),
 * {@code ip=<address>} (the far end's) and {@code port=<n>} (either end's). Words of one kind are alternatives; kinds
 * must all match. No words: everything.
 */
public record CaptureFilter(Set<Protocol> protocols, List<String> peers, List<String> addresses, List<Integer> ports) {
    public static final CaptureFilter ALL = new CaptureFilter(Set.of(), List.of(), List.of(), List.of());

    public CaptureFilter {
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
        peers = List.copyOf(peers);
        addresses = List.copyOf(addresses);
        ports = List.copyOf(ports);
    }

    /** Reads the words; a word it does not know is refused with the reason. */
    public static CaptureFilter parse(List<String> words) {
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        List<String> peers = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String raw : words) {
            String w = raw.trim();
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.equals("diameter")) {
                protocols.add(Protocol.DIAMETER);
            } else if (lower.equals("m3ua")) {
                protocols.add(Protocol.M3UA);
            } else if (lower.equals("http") || lower.equals("t8")) {
                protocols.add(Protocol.HTTP);
            } else if (lower.equals("smpp")) {
                protocols.add(Protocol.SMPP);
            } else if (lower.startsWith("peer=") && w.length() > 5) {
                peers.add(w.substring(5));
            } else if (lower.startsWith("ip=") && w.length() > 3) {
                addresses.add(w.substring(3));
            } else if (lower.startsWith("port=") && lower.substring(5).matches("[0-9]{1,5}")
                    && Integer.parseInt(lower.substring(5)) <= 65535) {
                ports.add(Integer.parseInt(lower.substring(5)));
            } else {
                throw new IllegalArgumentException("'" + w + "' is not a capture filter word: diameter, m3ua, http (t8), "
                        + "smpp, peer=<name>, ip=<address>, port=<n>");
            }
        }
        return new CaptureFilter(protocols, peers, addresses, ports);
    }

    public boolean matches(Protocol protocol, String peer, java.net.InetSocketAddress local, java.net.InetSocketAddress remote) {
        if (!protocols.isEmpty() && !protocols.contains(protocol)) {
            return false;
        }
        if (!peers.isEmpty() && peers.stream().noneMatch(p -> p.equalsIgnoreCase(peer))) {
            return false;
        }
        if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> a.equals(remote.getHostString())
                || remote.getAddress() != null && a.equals(remote.getAddress().getHostAddress()))) {
            return false;
        }
        return ports.isEmpty() || ports.contains(local.getPort()) || ports.contains(remote.getPort());
    }

    /** The words again, for status lines; "everything" when none. */
    public String describe() {
        List<String> w = new ArrayList<>();
        protocols.forEach(p -> w.add(p.word()));
        peers.forEach(p -> w.add("peer=" + p));
        addresses.forEach(a -> w.add("ip=" + a));
        ports.forEach(p -> w.add("port=" + p));
        return w.isEmpty() ? "everything" : String.join(" ", w);
    }
}
