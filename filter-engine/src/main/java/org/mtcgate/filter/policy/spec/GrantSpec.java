package org.mtcgate.filter.policy.spec;

import org.mtcgate.filter.MessageKind;

import java.util.Set;

/** One grant as written; {@code id} is already the full rule id ({@code <sender>/<id>} or {@code <sender>/grant[n]}). */
public record GrantSpec(String id, Set<MessageKind> kinds, TargetSpec to) {
    public GrantSpec {
        kinds = Set.copyOf(kinds);
    }
}
