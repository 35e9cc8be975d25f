package org.mtcgate.diameter.dictionary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** AVP and command definitions known to this node. Immutable once built. */
public final class Dictionary {
    private final Map<AvpKey, AvpDefinition> avps;
    private final Map<Long, Map<Integer, CommandDefinition>> commands;

    private Dictionary(Builder b) {
        this.avps = Map.copyOf(b.avps);
        Map<Long, Map<Integer, CommandDefinition>> c = new HashMap<>();
        b.commands.forEach((app, m) -> c.put(app, Map.copyOf(m)));
        this.commands = Map.copyOf(c);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<AvpDefinition> avp(AvpKey key) {
        return Optional.ofNullable(avps.get(key));
    }

    public Optional<AvpDefinition> avp(int code, long vendorId) {
        return avp(new AvpKey(code, vendorId));
    }

    /** Lookup by name, for tools and tests; linear, not for the message path. */
    public Optional<AvpDefinition> avpByName(String name) {
        return avps.values().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public boolean knowsApplication(long applicationId) {
        return commands.containsKey(applicationId);
    }

    public Set<Long> applications() {
        return commands.keySet();
    }

    public Optional<CommandDefinition> command(long applicationId, int commandCode) {
        Map<Integer, CommandDefinition> m = commands.get(applicationId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(commandCode));
    }

    public static final class Builder {
        private final Map<AvpKey, AvpDefinition> avps = new HashMap<>();
        private final Map<Long, Map<Integer, CommandDefinition>> commands = new HashMap<>();
        private final Set<String> names = new HashSet<>();

        public Builder avp(AvpDefinition d) {
            if (avps.putIfAbsent(d.key(), d) != null || !names.add(d.name())) {
                throw new IllegalArgumentException("duplicate AVP " + d);
            }
            return this;
        }

        public Builder avp(int code, long vendorId, String name, AvpType type, FlagRule m) {
            return avp(new AvpDefinition(code, vendorId, name, type, m, Set.of(), List.of(), true));
        }

        public Builder enumerated(int code, long vendorId, String name, FlagRule m, Long... values) {
            return avp(new AvpDefinition(code, vendorId, name, AvpType.ENUMERATED, m, Set.of(values), List.of(), true));
        }

        public Builder grouped(int code, long vendorId, String name, FlagRule m, boolean open, AvpRule... rules) {
            return avp(new AvpDefinition(code, vendorId, name, AvpType.GROUPED, m, Set.of(), List.of(rules), open));
        }

        public Builder command(CommandDefinition c) {
            commands.computeIfAbsent(c.applicationId(), k -> new HashMap<>()).put(c.code(), c);
            return this;
        }

        public Dictionary build() {
            return new Dictionary(this);
        }
    }
}
