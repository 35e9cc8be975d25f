package org.mtcgate.filter.bench;

import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The benchmark's policy (one SCS authorised for 1,000,000 listed MSISDNs) and its realistic item mix. */
public final class BenchPolicy {
    public static final int LISTED = 1_000_000;
    /** Listed numbers are 49160000000 + 7k: spread out, so neighbours are mostly not listed. */
    static final long BASE = 49_160_000_000L;

    private BenchPolicy() {
    }

    static long listed(int k) {
        return BASE + 7L * k;
    }

    /** Writes the policy and its list file into {@code dir}; returns the policy file. */
    public static Path write(Path dir) throws IOException {
        Path list = dir.resolve("fleet.msisdn");
        try (BufferedWriter w = Files.newBufferedWriter(list, StandardCharsets.US_ASCII)) {
            for (int k = 0; k < LISTED; k++) {
                w.write(Long.toString(listed(k)));
                w.write('\n');
            }
        }
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                groups:
                  fleet:
                    msisdn-files: [fleet.msisdn]
                    msisdn-prefixes: ["4917010"]
                senders:
                  - id: scs-fleet
                    ingress: [tsp]
                    identities: [scs.fleet.example.com]
                    grants: [{kinds: [trigger], to: [fleet]}]
                    rate: {per-second: 1e9, burst: 1000000}
                  - id: sme-ota
                    ingress: [tsms]
                    addresses: ["4930123456"]
                    grants: [{kinds: [sim-data-download, trigger], to: [fleet]}]
                home-network:
                  trigger-sms-sc: ["491720000100"]
                  ota-platforms: ["491729990000"]
                """);
        return policy;
    }

    /**
     * 90 % ordinary SMs (router MT from home and foreign SMSCs, Tsms from SMEs), 10 % trigger or OTA, half of
     * those unauthorised (unknown SCS, UE not listed, foreign SMSC).
     */
    public static InboundItem[] mix(int count, long seed, boolean allowOnly) {
        Random r = new Random(seed);
        InboundItem[] items = new InboundItem[count];
        GlobalTitle home = GlobalTitle.of("491720000100");
        GlobalTitle foreign = GlobalTitle.of("33612000000");
        for (int i = 0; i < count; i++) {
            int roll = r.nextInt(100);
            Msisdn listedUe = Msisdn.of(Long.toString(listed(r.nextInt(LISTED))));
            if (roll < 90) {
                boolean router = r.nextBoolean();
                items[i] = router
                        ? InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(r.nextBoolean() ? home : foreign,
                                r.nextBoolean() ? home : foreign, null)).tpPid(0).targetImsi(Imsi.of("262015500" + (100000 + r.nextInt(900000)))).build()
                        : InboundItem.builder(Ingress.TSMS, Originator.numbered(GlobalTitle.of("49301" + (10000 + r.nextInt(90000)))))
                                .tpPid(0).targetMsisdn(listedUe).build();
            } else {
                boolean authorised = allowOnly || roll < 95;
                int which = r.nextInt(3);
                if (which == 0) {
                    items[i] = InboundItem.builder(Ingress.TSP, Originator.named(authorised || r.nextBoolean()
                                    ? "scs.fleet.example.com" : "scs.rogue.example.org")).tpPid(0x48)
                            .targetMsisdn(authorised ? listedUe : Msisdn.of(Long.toString(listed(r.nextInt(LISTED)) + 1))).build();
                } else if (which == 1) {
                    items[i] = InboundItem.builder(Ingress.TSMS, Originator.numbered(GlobalTitle.of("4930123456")))
                            .tpPid(0x7F).targetMsisdn(authorised ? listedUe : Msisdn.of("491800000001")).build();
                } else {
                    items[i] = InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(authorised ? home : foreign,
                            authorised ? home : foreign, null)).tpPid(0x48).targetImsi(Imsi.of("262015500000001")).build();
                }
            }
        }
        return items;
    }
}
