package org.mtcgate.filter.policy;

import org.mtcgate.filter.policy.spec.GroupSpec;
import org.mtcgate.filter.policy.spec.TargetSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the groups of a policy and the grants' targets into UE sets. A group whose spec, list sets and
 * included groups are the very ones of the previous policy's group is kept rather than built again.
 */
final class UeSets {
    private final Map<String, GroupSpec> specs;
    private final Map<String, DigitSet> lists;
    private final Map<String, UeSet> previous;
    private final Map<String, UeSet> compiled = new LinkedHashMap<>();

    /** {@code lists}: every list file the groups name, compiled; {@code previous}: the groups to keep if unchanged. */
    UeSets(Map<String, GroupSpec> specs, Map<String, DigitSet> lists, Map<String, UeSet> previous) {
        this.specs = specs;
        this.lists = lists;
        this.previous = previous;
        specs.keySet().forEach(this::named);
    }

    Map<String, UeSet> groups() {
        return new HashMap<>(compiled);
    }

    UeSet target(TargetSpec to) {
        if (to.all()) {
            return UeSet.everyUe();
        }
        if (to.inline() != null) {
            return build(to.inline());
        }
        if (to.groups().size() == 1) {
            return named(to.groups().get(0));
        }
        List<UeSet> members = new ArrayList<>();
        to.groups().forEach(g -> members.add(named(g)));
        return new UeSet(String.join("+", to.groups()), null, false, DigitSet.EMPTY, List.of(), DigitSet.EMPTY,
                Set.of(), Set.of(), members);
    }

    /** The reader has checked that every name is known and that no group includes itself. */
    private UeSet named(String name) {
        UeSet done = compiled.get(name);
        if (done == null) {
            done = build(specs.get(name));
            compiled.put(name, done);
        }
        return done;
    }

    private UeSet build(GroupSpec spec) {
        List<DigitSet> files = new ArrayList<>();
        spec.msisdnFiles().forEach(f -> files.add(lists.get(f)));
        List<UeSet> includes = new ArrayList<>();
        spec.includes().forEach(g -> includes.add(named(g)));
        // Only a named group can be kept: an inline target has no name across versions.
        UeSet before = specs.get(spec.name()) == spec ? previous.get(spec.name()) : null;
        if (before != null && before.builtFrom(spec, files, includes)) {
            return before;
        }
        DigitSet.Builder msisdns = new DigitSet.Builder();
        spec.msisdns().forEach(msisdns::addExact);
        spec.msisdnPrefixes().forEach(msisdns::addPrefix);
        spec.msisdnRanges().forEach(r -> msisdns.addRange(r.from(), r.to()));
        DigitSet.Builder imsis = new DigitSet.Builder();
        spec.imsis().forEach(imsis::addExact);
        spec.imsiPrefixes().forEach(imsis::addPrefix);
        return new UeSet(spec.name(), spec, false, msisdns.build(), files, imsis.build(), spec.externalIds(),
                spec.externalIdDomains(), includes);
    }
}
