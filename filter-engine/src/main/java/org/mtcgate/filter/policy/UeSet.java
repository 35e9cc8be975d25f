package org.mtcgate.filter.policy;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.policy.spec.GroupSpec;

import java.util.List;
import java.util.Set;

/**
 * A set of UEs a sender may reach: every UE (TS 33.187 6.1 NOTE 1), or numbers, ranges, lists, IMSI prefixes,
 * External-Identifiers and their domains, and the named groups it includes (shared, never copied, so a
 * million-number group referenced by ten grants is held once). The MSISDNs of each list file are a set of their
 * own, so that a console edit of one file recompiles that file only.
 */
public final class UeSet {
    private final String name;
    private final boolean all;
    private final GroupSpec spec;
    private final DigitSet msisdns;
    private final DigitSet[] msisdnLists;
    private final DigitSet imsis;
    private final Set<String> externalIds;
    private final Set<String> externalIdDomains;
    private final UeSet[] includes;

    UeSet(String name, GroupSpec spec, boolean all, DigitSet msisdns, List<DigitSet> msisdnLists, DigitSet imsis,
          Set<String> externalIds, Set<String> externalIdDomains, List<UeSet> includes) {
        this.name = name;
        this.spec = spec;
        this.all = all;
        this.msisdns = msisdns;
        this.msisdnLists = msisdnLists.toArray(new DigitSet[0]);
        this.imsis = imsis;
        this.externalIds = Set.copyOf(externalIds);
        this.externalIdDomains = Set.copyOf(externalIdDomains);
        this.includes = includes.toArray(new UeSet[0]);
    }

    /** The set of every UE. */
    static UeSet everyUe() {
        return new UeSet("all", null, true, DigitSet.EMPTY, List.of(), DigitSet.EMPTY, Set.of(), Set.of(), List.of());
    }

    /** The group as written, or null for "all" and unions of groups. */
    GroupSpec spec() {
        return spec;
    }

    /** Whether this set was compiled from exactly these parts, so that it can be kept instead of built again. */
    boolean builtFrom(GroupSpec spec, List<DigitSet> lists, List<UeSet> includes) {
        if (this.spec == null || !this.spec.equals(spec) || lists.size() != msisdnLists.length
                || includes.size() != this.includes.length) {
            return false;
        }
        for (int i = 0; i < msisdnLists.length; i++) {
            if (lists.get(i) != msisdnLists[i]) {
                return false;
            }
        }
        for (int i = 0; i < this.includes.length; i++) {
            if (includes.get(i) != this.includes[i]) {
                return false;
            }
        }
        return true;
    }

    public String name() {
        return name;
    }

    public boolean isAll() {
        return all;
    }

    /** Whether every name the item gives its target UE is in this set; an item naming no UE is covered only by "all". */
    public boolean covers(InboundItem item) {
        if (all) {
            return true;
        }
        Msisdn msisdn = item.targetMsisdn();
        Imsi imsi = item.targetImsi();
        ExternalId externalId = item.targetExternalId();
        if (msisdn == null && imsi == null && externalId == null) {
            return false;
        }
        return (msisdn == null || containsMsisdn(msisdn))
                && (imsi == null || containsImsi(imsi))
                && (externalId == null || containsExternalId(externalId));
    }

    public boolean containsMsisdn(Msisdn msisdn) {
        if (all || msisdns.contains(msisdn)) {
            return true;
        }
        for (DigitSet list : msisdnLists) {
            if (list.contains(msisdn)) {
                return true;
            }
        }
        for (UeSet included : includes) {
            if (included.containsMsisdn(msisdn)) {
                return true;
            }
        }
        return false;
    }

    public boolean containsImsi(Imsi imsi) {
        if (all || imsis.contains(imsi)) {
            return true;
        }
        for (UeSet included : includes) {
            if (included.containsImsi(imsi)) {
                return true;
            }
        }
        return false;
    }

    public boolean containsExternalId(ExternalId id) {
        if (all || externalIds.contains(id.value()) || externalIdDomains.contains(id.domain())) {
            return true;
        }
        for (UeSet included : includes) {
            if (included.containsExternalId(id)) {
                return true;
            }
        }
        return false;
    }

    /** Exact MSISDNs held by this set itself (not its includes), for summaries. */
    public int msisdnCount() {
        int n = msisdns.exactCount();
        for (DigitSet list : msisdnLists) {
            n += list.exactCount();
        }
        return n;
    }

    @Override
    public String toString() {
        return name;
    }
}
