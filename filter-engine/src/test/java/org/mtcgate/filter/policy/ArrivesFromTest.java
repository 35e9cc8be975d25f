package org.mtcgate.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.filter.Items.HOME_LINK;
import static org.mtcgate.filter.Items.INTL_GW;
import static org.mtcgate.filter.Items.routerMt;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.Decision;
import org.mtcgate.filter.Explanation;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Items;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.yaml.ConfigException;

/** Trust bound to the link and the address together: arrives-from, its home default, and spoofed home GTs. */
class ArrivesFromTest {
    private static final String IMSI = "262015500000001";
    private static final String HOME_SMSC = "491720000100";
    private static final String OTA = "491729990000";
    private static final String PARTNER = "33612000000";
    private static final ArrivalLink PARTNER_GW = new ArrivalLink("partner-gw", Zone.INTERCONNECT);
    private static final String POLICY = """
            version: 1
            senders:
              - id: partner-smsc
                ingress: [router-mt]
                addresses: ["%s"]
                arrives-from: {peers: [partner-gw]}
                grants:
                  - kinds: [trigger]
                    to: all
              - id: home-pool
                ingress: [router-mt]
                address-prefixes: ["4917299"]
                grants:
                  - kinds: [trigger]
                    to: all
              - id: mo-sim
                ingress: [sms-iwmsc-mo]
                addresses: ["491701234567"]
                arrives-from: {zone: home}
                grants:
                  - kinds: [sim-data-download]
                    to: all
            home-network:
              trigger-sms-sc: ["%s"]
              ota-platforms: ["%s"]
              gt-prefixes: ["4917299"]
            """.formatted(PARTNER, HOME_SMSC, OTA);

    private final FilterEngine engine = engine(POLICY);

    private static FilterEngine engine(String yaml) {
        try {
            return new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                    .load("zones.yaml", yaml, ListSource.NONE), TimeSource.SYSTEM);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void homeSmscTriggerPassesOnlyOverAHomeLink() {
        assertTrue(engine.evaluate(routerMt(HOME_SMSC, HOME_SMSC, null, 0x48, IMSI, HOME_LINK)).allowed());
        Verdict spoofed = engine.evaluate(routerMt(HOME_SMSC, HOME_SMSC, null, 0x48, IMSI, INTL_GW));
        assertEquals(Decision.BLOCK, spoofed.decision());
        assertEquals("spoofed-home-gt", spoofed.ruleId());
    }

    @Test
    void aHomeGtFromTheInterconnectIsSpoofedWhateverTheKind() {
        assertEquals("spoofed-home-gt", engine.evaluate(routerMt(HOME_SMSC, HOME_SMSC, OTA, 0x7F, IMSI, INTL_GW)).ruleId());
        assertEquals("spoofed-home-gt", engine.evaluate(routerMt(PARTNER, HOME_SMSC, null, 0x00, IMSI, INTL_GW)).ruleId(),
                "a home calling GT under a foreign SM-RP-OA");
        assertEquals("spoofed-home-gt", engine.evaluate(routerMt("491729912345", PARTNER, null, 0x00, IMSI, INTL_GW)).ruleId(),
                "an SM-RP-OA in the home gt-prefixes");
        assertTrue(engine.evaluate(routerMt(PARTNER, PARTNER, null, 0x00, IMSI, INTL_GW)).allowed(),
                "an ordinary foreign SM over the interconnect still passes");
    }

    @Test
    void anItemWithoutALinkNeverMatchesALinkBoundSender() {
        assertEquals("router-foreign-trigger", engine.evaluate(routerMt(HOME_SMSC, HOME_SMSC, null, 0x48, IMSI, null)).ruleId());
    }

    /** The policy in force, which the engine knows only as a {@link org.mtcgate.filter.Policy}. */
    private CompiledPolicy compiled() {
        return (CompiledPolicy) engine.policy();
    }

    @Test
    void explicitPeersBindTheSenderToThosePeers() {
        assertTrue(engine.evaluate(routerMt(PARTNER, PARTNER, null, 0x48, IMSI, PARTNER_GW)).allowed());
        assertEquals("router-foreign-trigger", engine.evaluate(routerMt(PARTNER, PARTNER, null, 0x48, IMSI, INTL_GW)).ruleId());
        assertEquals("router-foreign-trigger", engine.evaluate(routerMt(PARTNER, PARTNER, null, 0x48, IMSI, HOME_LINK)).ruleId());
    }

    @Test
    void aSenderInsideTheHomeGtsDefaultsToHomeLinks() {
        SenderRule pool = compiled().senders().stream().filter(s -> s.id().equals("home-pool")).findFirst().orElseThrow();
        assertEquals(ArrivesFrom.HOME_ZONE, pool.arrivesFrom());
        SenderRule partner = compiled().senders().stream().filter(s -> s.id().equals("partner-smsc")).findFirst().orElseThrow();
        assertEquals("peers [partner-gw]", partner.arrivesFrom().toString());
        assertTrue(engine.evaluate(routerMt("491729900001", "491729900001", null, 0x48, IMSI, HOME_LINK)).allowed());
    }

    @Test
    void moSendersAreBoundToo() {
        assertTrue(engine.evaluate(Items.mo("491701234567", "49172000208", 0x7F, "491709999999", HOME_LINK)).allowed());
        assertEquals("mo-sim-data-download-from-ue",
                engine.evaluate(Items.mo("491701234567", "33600000001", 0x7F, "491709999999", PARTNER_GW)).ruleId());
        assertEquals("spoofed-home-gt",
                engine.evaluate(Items.mo("491701234567", "491729900001", 0x00, "491709999999", INTL_GW)).ruleId(),
                "a home MSC GT arriving over the interconnect");
    }

    @Test
    void explainNamesTheLinkAndTheSpoof() {
        Explanation e = engine.explain(routerMt(HOME_SMSC, HOME_SMSC, null, 0x48, IMSI, INTL_GW));
        String text = String.join("\n", e.steps());
        assertTrue(text.contains("arrived on link intl-gw (interconnect)"), text);
        assertTrue(text.contains("link is interconnect"), text);
        assertTrue(compiled().summary().contains("spoofed-home-gt"));
    }

    @Test
    void explainNamesTheLinkASenderIsBoundTo() {
        Explanation e = engine.explain(routerMt(PARTNER, PARTNER, null, 0x48, IMSI, HOME_LINK));
        String text = String.join("\n", e.steps());
        assertTrue(text.contains("sender 'partner-smsc' matches the originator but may arrive only over peers [partner-gw], "
                + "and this came over home-stp (home)"), text);
        assertEquals("router-foreign-trigger", e.verdict().ruleId());
    }

    @Test
    void mistakesAreRefusedWithLineAndField() {
        ConfigException tsp = assertThrows(ConfigException.class, () -> new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("bad.yaml", """
                        version: 1
                        senders:
                          - id: scs
                            ingress: [tsp]
                            identities: ["scs.example.com"]
                            arrives-from: {zone: home}
                            grants: [{kinds: [trigger], to: all}]
                        """, ListSource.NONE));
        assertTrue(tsp.getMessage().contains("bad.yaml:6"), tsp.getMessage());
        assertTrue(tsp.getMessage().contains("router-mt and sms-iwmsc-mo only"), tsp.getMessage());
        ConfigException zone = assertThrows(ConfigException.class, () -> new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("bad.yaml", """
                        version: 1
                        senders:
                          - id: x
                            ingress: [router-mt]
                            addresses: ["33600000000"]
                            arrives-from: {zone: abroad}
                            grants: [{kinds: [trigger], to: all}]
                        """, ListSource.NONE));
        assertTrue(zone.getMessage().contains("bad.yaml:6"), zone.getMessage());
        assertTrue(zone.getMessage().contains("unknown zone 'abroad'"), zone.getMessage());
        ConfigException empty = assertThrows(ConfigException.class, () -> new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("bad.yaml", """
                        version: 1
                        senders:
                          - id: x
                            ingress: [router-mt]
                            addresses: ["33600000000"]
                            arrives-from: {}
                            grants: [{kinds: [trigger], to: all}]
                        """, ListSource.NONE));
        assertTrue(empty.getMessage().contains("needs 'zone'"), empty.getMessage());
    }

    @Test
    void noHomeNetworkMeansNoSpoofCheck() {
        FilterEngine plain = engine("""
                version: 1
                defaults: {ordinary: allow}
                """);
        assertNull(new HomeGts(java.util.List.of(), java.util.List.of()).spoofed(org.mtcgate.filter.Ingress.ROUTER_MT,
                routerMt(HOME_SMSC, HOME_SMSC, null, 0, IMSI, INTL_GW).originator()));
        assertTrue(plain.evaluate(routerMt(HOME_SMSC, HOME_SMSC, null, 0, IMSI, INTL_GW)).allowed());
    }
}
