package org.mtcgate.filter.policy;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Policy;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Trace;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.QuotaCounter;
import org.mtcgate.filter.limit.RateLimiter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ready-to-evaluate policy. The decision, in order:
 * <ol>
 *   <li>the kind of SM from its TP-PID;</li>
 *   <li>the most specific trusted sender of this ingress that matches the originator and has a grant for
 *       that kind;</li>
 *   <li>if there is one: a grant of its must cover the target UE, then its rate and quota must allow it;</li>
 *   <li>if there is none: a protected kind (trigger, SIM/ME download, de-personalisation) is blocked, with a
 *       rule naming the clause it enforces; an ordinary SM gets the policy's default for ordinary SMs.</li>
 * </ol>
 * Every verdict is prepared at compile time, so deciding allocates nothing. As compiled it has no rate or quota
 * state: it can be checked and explained (a limit then looks as a fresh one would), and {@link PolicyInstaller}
 * binds the state when the policy is accepted.
 */
public final class CompiledPolicy implements Policy {
    private final String source;
    private final String digest;
    private final SenderIndex[] indexByIngress;
    private final Verdict[][] defaultDenyByIngressAndKind;
    private final Verdict ordinaryDefault;
    private final List<SenderRule> senders;
    private final Map<String, UeSet> groups;
    private final TriggerPorts triggerPorts;
    private final HomeGts homeGts;
    private final SenderLimits limits;

    CompiledPolicy(String source, String digest, Map<Ingress, SenderIndex> indexes, Verdict ordinaryDefault,
                   List<SenderRule> senders, Map<String, UeSet> groups, TriggerPorts triggerPorts, HomeGts homeGts) {
        this.source = source;
        this.digest = digest;
        this.indexByIngress = new SenderIndex[Ingress.values().length];
        for (Ingress ingress : Ingress.values()) {
            indexByIngress[ingress.ordinal()] = indexes.get(ingress);
        }
        this.defaultDenyByIngressAndKind = defaultDenials();
        this.ordinaryDefault = ordinaryDefault;
        this.senders = List.copyOf(senders);
        this.groups = Map.copyOf(groups);
        this.triggerPorts = triggerPorts;
        this.homeGts = homeGts;
        this.limits = SenderLimits.UNBOUND;
    }

    /** The same policy with this rate and quota state; everything else is shared, not copied. */
    private CompiledPolicy(CompiledPolicy compiled, SenderLimits limits) {
        this.source = compiled.source;
        this.digest = compiled.digest;
        this.indexByIngress = compiled.indexByIngress;
        this.defaultDenyByIngressAndKind = compiled.defaultDenyByIngressAndKind;
        this.ordinaryDefault = compiled.ordinaryDefault;
        this.senders = compiled.senders;
        this.groups = compiled.groups;
        this.triggerPorts = compiled.triggerPorts;
        this.homeGts = compiled.homeGts;
        this.limits = limits;
    }

    CompiledPolicy withLimits(SenderLimits bound) {
        return new CompiledPolicy(this, bound);
    }

    @Override
    public boolean limitersBound() {
        return limits.bound();
    }

    /** Where the policy was read from. */
    @Override
    public String source() {
        return source;
    }

    /** A digest of the policy's text, to tell versions apart in audit and on the console. */
    @Override
    public String digest() {
        return digest;
    }

    public List<SenderRule> senders() {
        return senders;
    }

    public Map<String, UeSet> groups() {
        return groups;
    }

    /** The application ports that make an SM a trigger (policy key {@code trigger-ports}). */
    public TriggerPorts triggerPorts() {
        return triggerPorts;
    }

    /** The item's kind under this policy: its own kind, raised to a trigger when it is sent to a trigger port. */
    @Override
    public MessageKind kindOf(InboundItem item) {
        MessageKind kind = item.kind();
        return triggerPorts.contains(item.destinationPort()) ? kind.atLeast(MessageKind.TRIGGER) : kind;
    }

    /** Decides on one item; with {@code consume} false, rate and quota are only looked at (for explain). */
    @Override
    public Verdict evaluate(InboundItem item, TimeSource time, boolean consume, Trace trace) {
        MessageKind kind = kindOf(item);
        Ingress ingress = item.ingress();
        if (trace != null) {
            trace.step("item: " + item.describe());
            if (kind != item.kind()) {
                trace.step("destination port " + item.destinationPort() + " is a trigger port of the policy");
            }
            trace.step("TP-PID 0x" + Integer.toHexString(item.tpPid()) + ", TP-DCS and UDH make it "
                    + kind.policyName()
                    + (kind.isProtected() ? ", a protected kind: denied unless granted" : ", not protected"));
            if (item.originator().arrivalLink() != null) {
                trace.step("arrived on link " + item.originator().arrivalLink());
            }
        }
        Verdict spoofed = homeGts.spoofed(ingress, item.originator());
        if (spoofed != null) {
            if (trace != null) {
                trace.step("the sender or calling GT is one of the " + homeGts + ", but the link is interconnect");
            }
            return traced(trace, spoofed);
        }
        SenderIndex index = indexByIngress[ingress.ordinal()];
        SenderRule sender = index.find(item.originator(), kind);
        if (sender == null) {
            return withoutGrant(index, item, kind, trace);
        }
        if (trace != null) {
            trace.step("trusted sender '" + sender.id() + "' matches the originator on " + ingress
                    + " and has grants for " + kind.policyName());
        }
        Grant matched = null;
        for (Grant grant : sender.grantsFor(kind)) {
            if (grant.targets().covers(item)) {
                matched = grant;
                break;
            }
            if (trace != null) {
                trace.step("grant " + grant.id() + " (to " + grant.targets().name() + ") does not cover the target UE");
            }
        }
        if (matched == null) {
            return traced(trace, sender.notForUe(kind));
        }
        if (trace != null) {
            trace.step("grant " + matched.id() + " (to " + matched.targets().name() + ") covers the target UE");
        }
        if (sender.rate() != null) {
            RateLimiter bucket = limits.bucket(sender.slot());
            long now = time.nanoTime();
            boolean ok = bucket == null ? unboundLooksFresh(consume)
                    : consume ? bucket.tryAcquire(now) : bucket.wouldAcquire(now);
            if (!ok) {
                return traced(trace, sender.rateExceeded());
            }
            if (trace != null) {
                trace.step("within rate " + sender.rate().perSecond() + "/s, burst " + sender.rate().burst());
            }
        }
        if (sender.quota() != null) {
            QuotaCounter counter = limits.counter(sender.slot());
            long now = time.currentTimeMillis();
            boolean ok = counter == null ? unboundLooksFresh(consume)
                    : consume ? counter.tryAcquire(now) : counter.used(now) < sender.quota().max();
            if (!ok) {
                return traced(trace, sender.quotaExceeded());
            }
            if (trace != null) {
                trace.step("within quota: " + (counter == null ? 0 : counter.used(now)) + " of " + sender.quota().max()
                        + " used this period");
            }
        }
        return traced(trace, matched.allow());
    }

    /** Without bound state a limit is looked at as a fresh one would be; counting against it is a mistake. */
    private boolean unboundLooksFresh(boolean consume) {
        if (consume) {
            throw new IllegalStateException("policy " + source + " counts nothing until it is installed with its rate and quota state");
        }
        return true;
    }

    private Verdict withoutGrant(SenderIndex index, InboundItem item, MessageKind kind, Trace trace) {
        if (!kind.isProtected()) {
            if (trace != null) {
                trace.step("no sender grant for ordinary SMs matches; the policy default for ordinary SMs applies");
            }
            return traced(trace, ordinaryDefault);
        }
        SenderRule known = trace == null ? null : index.find(item.originator(), null);
        if (known != null) {
            trace.step("sender '" + known.id() + "' matches the originator but has no grant for " + kind.policyName());
            return traced(trace, known.noGrant(kind));
        }
        if (trace != null) {
            SenderRule elsewhere = index.find(item.originator(), kind, true);
            if (elsewhere != null) {
                ArrivalLink link = item.originator().arrivalLink();
                trace.step("sender '" + elsewhere.id() + "' matches the originator but may arrive only over "
                        + elsewhere.arrivesFrom() + ", and this came over " + (link == null ? "no known link" : link));
            } else {
                trace.step("no trusted sender on " + item.ingress() + " with a " + kind.policyName()
                        + " grant matches the originator");
            }
        }
        return traced(trace, defaultDenyByIngressAndKind[item.ingress().ordinal()][kind.ordinal()]);
    }

    private static Verdict traced(Trace trace, Verdict verdict) {
        if (trace != null) {
            trace.step("verdict: " + verdict);
        }
        return verdict;
    }

    /** The refusals for protected kinds from senders with no grant, each naming the clause it enforces. */
    private static Verdict[][] defaultDenials() {
        Verdict[][] out = new Verdict[Ingress.values().length][MessageKind.values().length];
        Map<Ingress, String> why = new EnumMap<>(Ingress.class);
        why.put(Ingress.TSP, "the SCS is not a trusted SCS authorised to send %s requests (TS 33.187 6.1, TS 23.682 5.2.1)");
        why.put(Ingress.T4, "the T4 peer is not a trusted MTC-IWF allowed to submit %s SMs (TS 33.187 6.1)");
        why.put(Ingress.TSMS, "the SME is not a trusted SME authorised to send %s SMs (TS 33.187 6.1)");
        why.put(Ingress.SMS_IWMSC_MO, "an ordinary UE may not send MO %s SMs (TS 23.040 9.2.3.9, TS 33.187 6.1)");
        why.put(Ingress.T8, "the SCS/AS is not a trusted SCS/AS authorised to send %s requests over T8 (TS 33.187 4.7, 5.5.3)");
        why.put(Ingress.ROUTER_MT, "the %s SM did not come from a home SMS-SC or platform trusted for it (TS 33.187 6.1)");
        for (Ingress ingress : Ingress.values()) {
            for (MessageKind kind : MessageKind.values()) {
                if (kind.isProtected()) {
                    String rule = switch (ingress) {
                        case SMS_IWMSC_MO -> "mo-" + kind.policyName() + "-from-ue";
                        case ROUTER_MT -> "router-foreign-" + kind.policyName();
                        default -> "default-deny-" + kind.policyName();
                    };
                    out[ingress.ordinal()][kind.ordinal()] = Verdict.block(rule,
                            String.format(why.get(ingress), kind.policyName()), RequestStatus.NOTAUTHORIZED);
                }
            }
        }
        return out;
    }

    /** A few lines for the console's "show policy". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("policy ").append(source).append(" (digest ").append(digest).append(")\n");
        sb.append("ordinary SMs without a grant: ").append(ordinaryDefault.decision()).append('\n');
        if (!triggerPorts.isEmpty()) {
            sb.append("trigger ports: ").append(triggerPorts).append('\n');
        }
        sb.append("groups:\n");
        groups.values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(g -> sb.append("  ").append(g.name()).append(" (").append(g.msisdnCount()).append(" listed MSISDNs)\n"));
        if (!homeGts.isEmpty()) {
            sb.append(homeGts).append(": blocked as ").append(HomeGts.SPOOFED_RULE)
                    .append(" when they arrive over an interconnect link\n");
        }
        sb.append("senders:\n");
        for (SenderRule s : senders) {
            sb.append("  ").append(s.describe()).append('\n');
        }
        return sb.toString();
    }
}
