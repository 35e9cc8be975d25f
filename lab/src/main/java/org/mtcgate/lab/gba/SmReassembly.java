package org.mtcgate.lab.gba;

import org.mtcgate.map.tpdu.Concatenation;
import org.mtcgate.map.tpdu.SmsDeliver;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A UE's reassembly of concatenated SMs (TS 23.040 9.2.3.24.1, .8): the parts of one reference number, in sequence
 * order, make one user data. A single SM is complete as it is. At most {@link #MAX_PARTIAL} messages are kept half
 * received (the oldest goes first); a repeated part replaces the earlier one. Not thread-safe: one per UE.
 */
public final class SmReassembly {
    static final int MAX_PARTIAL = 64;

    private final Map<Integer, byte[][]> partial = new LinkedHashMap<>();

    /** The whole user data once this SM completes one; empty while parts are missing or for a malformed part. */
    public Optional<byte[]> add(SmsDeliver sm) {
        Optional<Concatenation> c = sm.userData().optionalHeader().flatMap(h -> h.concatenation());
        if (c.isEmpty()) {
            return Optional.of(sm.userData().body());
        }
        Concatenation part = c.get();
        if (part.total() < 1 || part.sequence() < 1 || part.sequence() > part.total()) {
            return Optional.empty();
        }
        byte[][] parts = partial.computeIfAbsent(part.reference(), r -> new byte[part.total()][]);
        if (parts.length != part.total()) {
            parts = new byte[part.total()][];
            partial.put(part.reference(), parts);
        }
        parts[part.sequence() - 1] = sm.userData().body();
        for (byte[] p : parts) {
            if (p == null) {
                trim();
                return Optional.empty();
            }
        }
        partial.remove(part.reference());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return Optional.of(out.toByteArray());
    }

    private void trim() {
        while (partial.size() > MAX_PARTIAL) {
            partial.remove(partial.keySet().iterator().next());
        }
    }
}
