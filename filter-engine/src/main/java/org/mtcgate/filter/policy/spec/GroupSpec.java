package org.mtcgate.filter.policy.spec;

import java.util.List;
import java.util.Set;

/**
 * A set of UEs as written: a named group, or a grant's inline {@code to:} mapping. Numbers are checked digit
 * strings; list files are named here and read into {@link NumberList}s beside the spec.
 */
public record GroupSpec(String name, List<String> msisdns, List<String> msisdnPrefixes, List<Range> msisdnRanges,
                        List<String> msisdnFiles, List<String> imsis, List<String> imsiPrefixes, Set<String> externalIds,
                        Set<String> externalIdDomains, List<String> includes) {
    public GroupSpec {
        msisdns = List.copyOf(msisdns);
        msisdnPrefixes = List.copyOf(msisdnPrefixes);
        msisdnRanges = List.copyOf(msisdnRanges);
        msisdnFiles = List.copyOf(msisdnFiles);
        imsis = List.copyOf(imsis);
        imsiPrefixes = List.copyOf(imsiPrefixes);
        externalIds = Set.copyOf(externalIds);
        externalIdDomains = Set.copyOf(externalIdDomains);
        includes = List.copyOf(includes);
    }

    /** {@code {from, to}}: checked to be of one length with from not above to. */
    public record Range(String from, String to) {
    }
}
