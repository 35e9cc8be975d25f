package org.mtcgate.filter.policy;

import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.policy.spec.HomeSpec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The home network's own trusted sources (TS 33.187 6.1): the home SMS-SCs that handle triggers may send
 * trigger SMs through the router, when both their SM-RP-OA and the SCCP calling GT are theirs and they arrive
 * over a home link (or the links {@code home-network.arrives-from} names); the OTA platform's SIM and ME data
 * download SMs pass the router when they come that way with the platform's number as TP-OA, and pass Tsms
 * when the platform itself submits them. Also the home GTs, which senders and spoof checks are measured against.
 */
final class HomeNetwork {
    private final HomeSpec spec;
    private final ArrivesFrom arrivesFrom;
    private final HomeGts gts;

    HomeNetwork(HomeSpec spec) {
        this.spec = spec;
        this.arrivesFrom = spec.arrivesFrom() == null ? ArrivesFrom.HOME_ZONE : ArrivesFrom.of(spec.arrivesFrom());
        List<String> exact = new ArrayList<>(spec.triggerSmsSc());
        if (spec.otaPlatforms() != null) {
            exact.addAll(spec.otaPlatforms());
        }
        this.gts = exact.isEmpty() && spec.gtPrefixes().isEmpty() ? HomeGts.NONE : new HomeGts(exact, spec.gtPrefixes());
    }

    HomeGts gts() {
        return gts;
    }

    /** The home rules, given slots from {@code firstSlot} on and added to the ingresses' indexes. */
    List<SenderRule> rules(Map<Ingress, SenderIndex.Builder> indexes, int firstSlot) {
        List<SenderRule> out = new ArrayList<>();
        List<String> smsc = spec.triggerSmsSc();
        DigitSet smscSet = exactDigits(smsc);
        int slot = firstSlot;
        if (!smsc.isEmpty()) {
            String id = "home-network.trigger-sms-sc";
            SenderRule rule = new SenderRule(id, EnumSet.of(Ingress.ROUTER_MT), smscSet, null, arrivesFrom,
                    List.of(new Grant(id, Set.of(MessageKind.TRIGGER), UeSet.everyUe(),
                            Verdict.allow(id, "trigger SM from a home SMS-SC that handles triggers (TS 33.187 6.1)"))),
                    slot++, null, null);
            smsc.forEach(a -> indexes.get(Ingress.ROUTER_MT).address(a, rule));
            out.add(rule);
        }
        if (spec.otaPlatforms() != null) {
            List<String> ota = spec.otaPlatforms();
            Set<MessageKind> otaKinds = Set.of(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.ME_DATA_DOWNLOAD);
            String id = "home-network.ota-platform";
            SenderRule tsms = new SenderRule(id + ".tsms", EnumSet.of(Ingress.TSMS), null, null, null,
                    List.of(new Grant(id + ".tsms", otaKinds, UeSet.everyUe(),
                            Verdict.allow(id + ".tsms", "SIM/ME data download from the home OTA platform"))), slot++, null, null);
            ota.forEach(a -> indexes.get(Ingress.TSMS).address(a, tsms));
            out.add(tsms);
            if (!smsc.isEmpty()) {
                SenderRule router = new SenderRule(id + ".router", EnumSet.of(Ingress.ROUTER_MT), smscSet, exactDigits(ota),
                        arrivesFrom, List.of(new Grant(id + ".router", otaKinds, UeSet.everyUe(),
                                Verdict.allow(id + ".router", "SIM/ME data download from the home OTA platform through a home SMS-SC"))),
                        slot, null, null);
                smsc.forEach(a -> indexes.get(Ingress.ROUTER_MT).address(a, router));
                out.add(router);
            }
        }
        return out;
    }

    private static DigitSet exactDigits(List<String> numbers) {
        DigitSet.Builder b = new DigitSet.Builder();
        numbers.forEach(b::addExact);
        return b.build();
    }
}
