package org.mtcgate.filter.policy.spec;

import java.util.Map;

/** A policy as read: its spec and the contents of the number list files it names, by the name it uses. */
public record PolicyDocument(PolicySpec spec, Map<String, NumberList> lists) {
    public PolicyDocument {
        lists = Map.copyOf(lists);
    }
}
