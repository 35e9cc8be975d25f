package org.mtcgate.filter.policy.spec;

import java.util.List;

/** A grant's {@code to}: every UE, a list of group names (each known), or an inline group. */
public record TargetSpec(boolean all, List<String> groups, GroupSpec inline) {
    public static final TargetSpec ALL = new TargetSpec(true, List.of(), null);

    public TargetSpec {
        groups = List.copyOf(groups);
    }
}
