package org.mtcgate.diameter.dictionary;

import java.util.List;
import java.util.Set;

/**
 * One dictionary entry.
 *
 * @param enumValues for ENUMERATED: the defined values (empty set = accept any)
 * @param groupRules for GROUPED: the grammar of the children; empty = not checked
 */
public record AvpDefinition(int code, long vendorId, String name, AvpType type, FlagRule mandatory,
                            Set<Long> enumValues, List<AvpRule> groupRules, boolean groupOpen) {
    public AvpDefinition {
        enumValues = Set.copyOf(enumValues);
        groupRules = List.copyOf(groupRules);
    }

    public AvpKey key() {
        return new AvpKey(code, vendorId);
    }
}
