package org.mtcgate.filter.policy;

import org.mtcgate.filter.policy.spec.NumberList;

import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles number list files into sets, one set per file, so that an unchanged file's set can be kept. */
public final class NumberLists {
    private NumberLists() {
    }

    public static DigitSet compile(NumberList list) {
        DigitSet.Builder b = new DigitSet.Builder().expectExact(Math.max(16, list.size()));
        list.forEach(b::addExact);
        return b.build();
    }

    /** Every list, by the name the policy gives it. */
    public static Map<String, DigitSet> compileAll(Map<String, NumberList> lists) {
        Map<String, DigitSet> out = new LinkedHashMap<>();
        lists.forEach((name, list) -> out.put(name, compile(list)));
        return out;
    }
}
