package org.mtcgate.filter.policy;

import java.util.BitSet;
import java.util.Set;
import java.util.StringJoiner;
import org.mtcgate.filter.InboundItem;

/**
 * Application ports (UDH IEI 0x04/0x05 destination port, TS 23.040 9.2.3.24.3-4) whose SMs are device triggers,
 * whatever their TP-PID: no port is standardised for triggers, so the operator names the ones its MTC
 * applications listen on (policy key {@code trigger-ports}). Immutable once compiled.
 */
public final class TriggerPorts {
    public static final TriggerPorts NONE = new TriggerPorts(new BitSet());

    private final BitSet ports;

    private TriggerPorts(BitSet ports) {
        this.ports = ports;
    }

    /** The ports given, each 0..65535. */
    static TriggerPorts of(Set<Integer> given) {
        if (given.isEmpty()) {
            return NONE;
        }
        BitSet ports = new BitSet(1 << 16);
        given.forEach(ports::set);
        return new TriggerPorts(ports);
    }

    /** Whether {@code port} is a trigger port; {@link InboundItem#NO_PORT} never is. */
    public boolean contains(int port) {
        return port >= 0 && port <= 0xFFFF && ports.get(port);
    }

    public boolean isEmpty() {
        return ports.isEmpty();
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        ports.stream().forEach(p -> out.add(Integer.toString(p)));
        return out.toString();
    }
}
