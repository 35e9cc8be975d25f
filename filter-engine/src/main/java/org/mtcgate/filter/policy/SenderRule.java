package org.mtcgate.filter.policy;

import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.Quota;
import org.mtcgate.filter.limit.RateLimit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trusted sender as compiled from the policy: how to recognise it beyond its primary identity (the SCCP
 * calling GT it must arrive through, the TP-OA it must carry), what it may send, and its limits. Every
 * verdict it can give is made here, once. Its limits are values only: the state that counts against them is bound
 * when the policy is installed, under the sender's {@link #slot()}.
 */
public final class SenderRule {
    private final String id;
    private final Set<Ingress> ingresses;
    private final DigitSet viaGt;
    private final DigitSet tpOa;
    private final ArrivesFrom arrivesFrom;
    private final Grant[][] grantsByKind;
    private final Verdict[] noGrantByKind;
    private final Verdict[] notForUeByKind;
    private final int slot;
    private final RateLimit rate;
    private final Quota quota;
    private final Verdict rateExceeded;
    private final Verdict quotaExceeded;
    private final List<Grant> grants;

    SenderRule(String id, Set<Ingress> ingresses, DigitSet viaGt, DigitSet tpOa, ArrivesFrom arrivesFrom,
               List<Grant> grants, int slot, RateLimit rate, Quota quota) {
        this.id = id;
        this.slot = slot;
        this.ingresses = Set.copyOf(ingresses);
        this.viaGt = viaGt;
        this.tpOa = tpOa;
        this.arrivesFrom = arrivesFrom;
        this.grants = List.copyOf(grants);
        this.rate = rate;
        this.quota = quota;
        MessageKind[] kinds = MessageKind.values();
        this.grantsByKind = new Grant[kinds.length][];
        this.noGrantByKind = new Verdict[kinds.length];
        this.notForUeByKind = new Verdict[kinds.length];
        for (MessageKind kind : kinds) {
            List<Grant> forKind = new ArrayList<>();
            for (Grant g : grants) {
                if (g.kinds().contains(kind)) {
                    forKind.add(g);
                }
            }
            grantsByKind[kind.ordinal()] = forKind.toArray(new Grant[0]);
            noGrantByKind[kind.ordinal()] = Verdict.block(id + "/no-grant",
                    "sender " + id + " has no grant for " + kind.policyName() + " SMs", RequestStatus.NOTAUTHORIZED);
            notForUeByKind[kind.ordinal()] = Verdict.block(id + "/ue-not-granted",
                    "sender " + id + " may send " + kind.policyName() + " SMs, but not to this UE", RequestStatus.NOTAUTHORIZED);
        }
        this.rateExceeded = Verdict.block(id + "/rate", "sender " + id + " is above its rate of "
                + (rate == null ? "-" : rate.perSecond() + "/s, burst " + rate.burst()), RequestStatus.RATEEXCEEDED);
        this.quotaExceeded = Verdict.block(id + "/quota", "sender " + id + " has used its quota of "
                + (quota == null ? "-" : quota.toString()), RequestStatus.QUOTAEXCEEDED);
    }

    public String id() {
        return id;
    }

    public Set<Ingress> ingresses() {
        return ingresses;
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The links this sender may arrive through, or null for any (non-MAP ingresses). */
    public ArrivesFrom arrivesFrom() {
        return arrivesFrom;
    }

    /** Whether the secondary conditions (arrival link, calling GT, TP-OA) hold for this originator. */
    boolean conditionsHold(Originator originator) {
        return conditionsHold(originator, false);
    }

    /** As {@link #conditionsHold(Originator)}; with {@code ignoreLink} the arrival link is not looked at (explain). */
    boolean conditionsHold(Originator originator, boolean ignoreLink) {
        if (!ignoreLink && arrivesFrom != null && !arrivesFrom.admits(originator.arrivalLink())) {
            return false;
        }
        if (viaGt != null) {
            GlobalTitle node = originator.networkNode();
            if (node == null || !viaGt.contains(node)) {
                return false;
            }
        }
        if (tpOa != null) {
            GlobalTitle oa = originator.tpOriginatingAddress();
            return oa != null && tpOa.contains(oa);
        }
        return true;
    }

    /** How many secondary conditions it has; the more, the more specific, the earlier it is tried. */
    int conditionCount() {
        return (viaGt == null ? 0 : 1) + (tpOa == null ? 0 : 1) + (arrivesFrom == null ? 0 : 1);
    }

    Grant[] grantsFor(MessageKind kind) {
        return grantsByKind[kind.ordinal()];
    }

    Verdict noGrant(MessageKind kind) {
        return noGrantByKind[kind.ordinal()];
    }

    Verdict notForUe(MessageKind kind) {
        return notForUeByKind[kind.ordinal()];
    }

    /** Where its rate and quota state sits among the policy's limiters. */
    int slot() {
        return slot;
    }

    /** Its rate, or null when unlimited. */
    public RateLimit rate() {
        return rate;
    }

    /** Its quota, or null when unlimited. */
    public Quota quota() {
        return quota;
    }

    Verdict rateExceeded() {
        return rateExceeded;
    }

    Verdict quotaExceeded() {
        return quotaExceeded;
    }

    /** A short description for summaries. */
    String describe() {
        Map<MessageKind, List<String>> byKind = new EnumMap<>(MessageKind.class);
        for (Grant g : grants) {
            for (MessageKind k : g.kinds()) {
                byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(g.targets().name());
            }
        }
        StringBuilder sb = new StringBuilder(id).append(" on ").append(ingresses).append(':');
        byKind.forEach((k, targets) -> sb.append(' ').append(k.policyName()).append("->").append(targets));
        if (arrivesFrom != null) {
            sb.append(" arrives from ").append(arrivesFrom);
        }
        if (rate != null) {
            sb.append(" rate ").append(rate.perSecond()).append("/s burst ").append(rate.burst());
        }
        if (quota != null) {
            sb.append(" quota ").append(quota);
        }
        return sb.toString();
    }
}
