package org.mtcgate.filter.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prefix, range and list matching checked against a naive reference that compares digit strings, on random
 * sets and numbers over a small alphabet so that prefixes, range edges and near misses are common.
 */
class DigitSetPropertyTest {

    record Range(String from, String to) {
    }

    record Spec(List<String> exact, List<String> prefixes, List<Range> ranges) {
    }

    /** The reference: plain string work, no arithmetic. */
    static boolean naiveContains(Spec spec, String number) {
        if (spec.exact().contains(number)) {
            return true;
        }
        for (String p : spec.prefixes()) {
            if (number.startsWith(p)) {
                return true;
            }
        }
        for (Range r : spec.ranges()) {
            int n = r.from().length();
            if (number.length() >= n) {
                String head = number.substring(0, n);
                if (head.compareTo(r.from()) >= 0 && head.compareTo(r.to()) <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static DigitSet build(Spec spec) {
        DigitSet.Builder b = new DigitSet.Builder();
        spec.exact().forEach(b::addExact);
        spec.prefixes().forEach(b::addPrefix);
        spec.ranges().forEach(r -> b.addRange(r.from(), r.to()));
        return b.build();
    }

    /** Numbers of 1 to 15 digits drawn from a few digits, leading zeros included. */
    static Arbitrary<String> numbers(int min, int max) {
        return Arbitraries.strings().withChars('0', '1', '4', '9').ofMinLength(min).ofMaxLength(max);
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<Range> ranges = Arbitraries.integers().between(1, 8).flatMap(n ->
                Combinators.combine(numbers(n, n), numbers(n, n)).as((a, b) ->
                        a.compareTo(b) <= 0 ? new Range(a, b) : new Range(b, a)));
        return Combinators.combine(numbers(1, 15).list().ofMaxSize(30), numbers(1, 8).list().ofMaxSize(6),
                ranges.list().ofMaxSize(6)).as(Spec::new);
    }

    @Property(tries = 400)
    void matchesTheNaiveReference(@ForAll("specs") Spec spec, @ForAll("probes") List<String> probes) {
        DigitSet set = build(spec);
        List<String> all = new ArrayList<>(probes);
        all.addAll(spec.exact());
        for (String p : spec.prefixes()) {
            all.add(p);
            all.add(p + "0");
        }
        for (Range r : spec.ranges()) {
            all.add(r.from());
            all.add(r.to() + "9");
        }
        for (String number : all) {
            long value = Long.parseLong(number);
            assertEquals(naiveContains(spec, number), set.contains(value, number.length()),
                    () -> "number " + number + " against " + spec);
        }
    }

    @Provide
    Arbitrary<List<String>> probes() {
        return numbers(1, 15).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 50)
    void largeExactListsMatchExactly(@ForAll("bigLists") List<String> numbers, @ForAll("probes") List<String> probes) {
        Spec spec = new Spec(numbers, List.of(), List.of());
        DigitSet set = build(spec);
        for (String n : numbers) {
            assertEquals(true, set.contains(Long.parseLong(n), n.length()), n);
        }
        for (String p : probes) {
            assertEquals(numbers.contains(p), set.contains(Long.parseLong(p), p.length()), p);
        }
    }

    @Provide
    Arbitrary<List<String>> bigLists() {
        return numbers(1, 15).list().ofMinSize(100).ofMaxSize(3000);
    }

    @Property(tries = 200)
    void rangeEdgesAreInclusive(@ForAll("specs") Spec spec) {
        DigitSet set = build(spec);
        for (Range r : spec.ranges()) {
            assertEquals(true, set.contains(Long.parseLong(r.from()), r.from().length()));
            assertEquals(true, set.contains(Long.parseLong(r.to()), r.to().length()));
        }
    }

    @net.jqwik.api.Example
    void aRangeNeverMatchesANumberShorterThanItsBounds() {
        DigitSet set = build(new Spec(List.of(), List.of(), List.of(new Range("4917", "4918"))));
        assertEquals(false, set.contains(491, 3));
        assertEquals(true, set.contains(49175, 5));
        assertEquals(false, set.contains(49195, 5));
    }

    @net.jqwik.api.Example
    void leadingZerosKeepNumbersApart() {
        DigitSet set = build(new Spec(List.of("0123"), List.of("00"), List.of()));
        assertEquals(true, set.contains(123, 4));
        assertEquals(false, set.contains(123, 3));
        assertEquals(true, set.contains(5, 3));
        assertEquals(false, set.contains(5, 2));
    }
}
