package org.mtcgate.filter.policy;

import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.policy.spec.ArrivesFromSpec;
import org.mtcgate.filter.policy.spec.GrantSpec;
import org.mtcgate.filter.policy.spec.PolicyDocument;
import org.mtcgate.filter.policy.spec.PolicySpec;
import org.mtcgate.filter.policy.spec.SenderSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a policy as read into its ready-to-evaluate form. Pure: it reads no file, cannot fail (the reader has
 * checked everything) and touches no rate or quota state; the result counts nothing until it is installed.
 */
public final class PolicyCompiler {
    /** The ingresses whose items carry the signalling link they arrived on. */
    private static final Set<Ingress> MAP_INGRESSES = EnumSet.of(Ingress.ROUTER_MT, Ingress.SMS_IWMSC_MO);

    /** Compiles a document: its number lists, then the policy. */
    public CompiledPolicy compile(PolicyDocument document) {
        return compile(document.spec(), NumberLists.compileAll(document.lists()), null);
    }

    /**
     * Compiles the spec with its number lists already compiled (by file name); the groups of {@code previous}
     * (may be null) that nothing changed under are kept as they are.
     */
    public CompiledPolicy compile(PolicySpec spec, Map<String, DigitSet> lists, CompiledPolicy previous) {
        UeSets groups = new UeSets(spec.groups(), lists, previous == null ? Map.of() : previous.groups());
        HomeNetwork home = new HomeNetwork(spec.home());
        Map<Ingress, SenderIndex.Builder> indexes = new EnumMap<>(Ingress.class);
        for (Ingress ingress : Ingress.values()) {
            indexes.put(ingress, new SenderIndex.Builder());
        }
        List<SenderRule> senders = new ArrayList<>();
        for (SenderSpec s : spec.senders()) {
            senders.add(sender(s, senders.size(), groups, indexes, home.gts()));
        }
        senders.addAll(home.rules(indexes, senders.size()));
        Map<Ingress, SenderIndex> built = new EnumMap<>(Ingress.class);
        indexes.forEach((k, v) -> built.put(k, v.build()));
        return new CompiledPolicy(spec.source(), spec.digest(), built, ordinaryDefault(spec.ordinaryAllowed()), senders,
                groups.groups(), TriggerPorts.of(spec.triggerPorts()), home.gts());
    }

    private static Verdict ordinaryDefault(boolean allowed) {
        return allowed ? Verdict.allow("default-ordinary", "ordinary SMs pass unless a rule says otherwise")
                : Verdict.block("default-ordinary", "ordinary SMs pass only from senders granted them", RequestStatus.NOTAUTHORIZED);
    }

    private static SenderRule sender(SenderSpec s, int slot, UeSets groups, Map<Ingress, SenderIndex.Builder> indexes,
                                     HomeGts home) {
        List<Grant> grants = new ArrayList<>();
        for (GrantSpec g : s.grants()) {
            UeSet targets = groups.target(g.to());
            String reason = "sender " + s.id() + " may send " + String.join(", ", g.kinds().stream()
                    .sorted().map(MessageKind::policyName).toList()) + " SMs to " + targets.name();
            grants.add(new Grant(g.id(), g.kinds(), targets, Verdict.allow(g.id(), reason)));
        }
        SenderRule rule = new SenderRule(s.id(), s.ingresses(), prefixes(s.viaGtPrefixes()), prefixes(s.tpOaPrefixes()),
                arrivesFrom(s, home), grants, slot, s.rate(), s.quota());
        for (Ingress ingress : s.ingresses()) {
            SenderIndex.Builder index = indexes.get(ingress);
            s.identities().forEach(i -> index.identity(i, rule));
            s.addresses().forEach(a -> index.address(a, rule));
            s.addressPrefixes().forEach(p -> index.addressPrefix(p, rule));
        }
        return rule;
    }

    /**
     * The links a sender may arrive through: as its policy says (MAP ingresses only); else, when any of its numbers
     * (addresses, prefixes, calling GT prefixes) could be a home GT, home links only; else any link.
     */
    private static ArrivesFrom arrivesFrom(SenderSpec s, HomeGts home) {
        ArrivesFromSpec written = s.arrivesFrom();
        if (written != null) {
            return ArrivesFrom.of(written);
        }
        if (!MAP_INGRESSES.containsAll(s.ingresses()) || home.isEmpty()) {
            return null;
        }
        List<String> prefixes = new ArrayList<>(s.addressPrefixes());
        if (s.viaGtPrefixes() != null) {
            prefixes.addAll(s.viaGtPrefixes());
        }
        return home.overlaps(s.addresses(), prefixes) ? ArrivesFrom.HOME_ZONE : null;
    }

    private static DigitSet prefixes(List<String> prefixes) {
        if (prefixes == null) {
            return null;
        }
        DigitSet.Builder b = new DigitSet.Builder();
        prefixes.forEach(b::addPrefix);
        return b.build();
    }
}
