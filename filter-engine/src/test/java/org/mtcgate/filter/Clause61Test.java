package org.mtcgate.filter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.filter.Items.mo;
import static org.mtcgate.filter.Items.routerMt;
import static org.mtcgate.filter.Items.t4;
import static org.mtcgate.filter.Items.tsms;
import static org.mtcgate.filter.Items.tsp;
import static org.mtcgate.filter.Items.tspExt;

/**
 * Every sentence of TS 33.187 clause 6.1 that the filter engine decides, one test each, named after it.
 */
class Clause61Test {
    static final int TRIGGER = 0x48;
    static final int SIM_OTA = 0x7F;
    static final int ME_DOWNLOAD = 0x7D;
    static final int ORDINARY = 0x00;

    static final String POLICY = """
            version: 1
            groups:
              meters:
                msisdn-prefixes: ["4917010"]
                external-id-domains: ["meters.example.com"]
              trackers:
                imsi-prefixes: ["2620155"]
                msisdns: ["491730000001"]
            senders:
              - id: scs-utility
                ingress: [tsp]
                identities: ["scs1.utility.example.com"]
                grants:
                  - kinds: [trigger]
                    to: [meters]
                rate: {per-second: 2, burst: 3}
                quota: {max: 5, period: 1h}
              - id: scs-operator
                ingress: [tsp]
                identities: ["scs.operator.example.net"]
                grants:
                  - kinds: [trigger]
                    to: all
              - id: mtc-iwf
                ingress: [t4]
                identities: ["mtc-iwf.operator.example.net"]
                grants:
                  - kinds: [trigger]
                    to: all
              - id: sme-tracking
                ingress: [tsms]
                addresses: ["4930123456"]
                grants:
                  - kinds: [trigger]
                    to: [trackers]
              - id: sme-partner
                ingress: [tsms]
                address-prefixes: ["4930999"]
                grants:
                  - kinds: [ordinary]
                    to: all
            home-network:
              trigger-sms-sc: ["491720000100"]
              ota-platforms: ["491729990000"]
            """;

    ManualTime time;
    FilterEngine engine;

    @BeforeEach
    void load() throws Exception {
        time = new ManualTime();
        engine = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("clause61.yaml", POLICY, ListSource.NONE), time);
    }

    Verdict decide(InboundItem item) {
        return engine.evaluate(item);
    }

    @Nested
    @DisplayName("SMS Router under Home Network Routing")
    class Router {
        @Test
        @DisplayName("an SM with a trigger indication not from the home SMS-SC that handles triggers is blocked")
        void triggerFromForeignSmscIsBlocked() {
            Verdict v = decide(routerMt("33612000000", "33612000000", null, TRIGGER, "262015500000001"));
            assertEquals(Decision.BLOCK, v.decision());
            assertEquals("router-foreign-trigger", v.ruleId());
        }

        @Test
        @DisplayName("a trigger SM from the home SMS-SC that handles triggers is forwarded")
        void triggerFromHomeTriggerSmscPasses() {
            Verdict v = decide(routerMt("491720000100", "491720000100", null, TRIGGER, "262015500000001"));
            assertTrue(v.allowed(), v::toString);
            assertEquals("home-network.trigger-sms-sc", v.ruleId());
        }

        @Test
        @DisplayName("a trigger SM that names the home SMS-SC in SM-RP-OA but arrives from a foreign GT is blocked")
        void spoofedHomeSmscAddressIsBlocked() {
            assertFalse(decide(routerMt("491720000100", "33612000000", null, TRIGGER, "262015500000001")).allowed());
            assertFalse(decide(routerMt("491720000100", null, null, TRIGGER, "262015500000001")).allowed());
        }

        @Test
        @DisplayName("ordinary SMs from foreign SMSCs are not filtered away")
        void ordinarySmFromForeignSmscPasses() {
            assertTrue(decide(routerMt("33612000000", "33612000000", null, ORDINARY, "262015500000001")).allowed());
        }

        @Test
        @DisplayName("OTA (SIM data download) SMs pass only from the OTA platform through a home SMS-SC")
        void otaOnlyFromOtaPlatform() {
            assertEquals("router-foreign-sim-data-download",
                    decide(routerMt("33612000000", "33612000000", "491729990000", SIM_OTA, "262015500000001")).ruleId());
            assertFalse(decide(routerMt("491720000100", "491720000100", "4912345", SIM_OTA, "262015500000001")).allowed());
            assertTrue(decide(routerMt("491720000100", "491720000100", "491729990000", SIM_OTA, "262015500000001")).allowed());
        }

        @Test
        @DisplayName("ME data download SMs are protected like OTA")
        void meDownloadIsProtected() {
            assertFalse(decide(routerMt("33612000000", "33612000000", null, ME_DOWNLOAD, "262015500000001")).allowed());
        }
    }

    @Nested
    @DisplayName("SMS-SC filtering of SMs not from T4")
    class SmsSc {
        @Test
        @DisplayName("a trigger SM not from a trusted SME authorised to send trigger SMs is blocked")
        void triggerFromUntrustedSmeIsBlocked() {
            Verdict v = decide(tsms("4989000000", TRIGGER, "491730000001"));
            assertEquals(Decision.BLOCK, v.decision());
            assertEquals("default-deny-trigger", v.ruleId());
            assertEquals(RequestStatus.NOTAUTHORIZED, v.requestStatus());
        }

        @Test
        @DisplayName("a trusted SME with no trigger authorisation cannot send trigger SMs")
        void trustedSmeWithoutTriggerGrantIsBlocked() {
            assertFalse(decide(tsms("4930999123", TRIGGER, "491730000001")).allowed());
            assertTrue(decide(tsms("4930999123", ORDINARY, "491730000001")).allowed());
        }

        @Test
        @DisplayName("a trusted SME may trigger only the UEs it is authorised to send to")
        void trustedSmeOnlyToItsUes() {
            assertTrue(decide(tsms("4930123456", TRIGGER, "491730000001")).allowed());
            Verdict other = decide(tsms("4930123456", TRIGGER, "491730000002"));
            assertEquals("sme-tracking/ue-not-granted", other.ruleId());
        }

        @Test
        @DisplayName("SMs from T4 come from a trusted MTC-IWF and are sent")
        void t4FromTrustedMtcIwfPasses() {
            assertTrue(decide(t4("mtc-iwf.operator.example.net", "491730000009")).allowed());
        }

        @Test
        @DisplayName("T4 is trusted only for the configured MTC-IWF")
        void t4FromUnknownPeerIsBlocked() {
            assertFalse(decide(t4("rogue.example.org", "491730000009")).allowed());
        }

        @Test
        @DisplayName("SMs from the SMS-IWMSC are filtered too: a trigger not from an authorised sender is blocked")
        void iwmscSmsAreFiltered() {
            Verdict v = decide(mo("491730000005", TRIGGER, "491730000001"));
            assertEquals(Decision.BLOCK, v.decision());
        }

        @Test
        @DisplayName("a normal UE may not send MO trigger SMs (TS 23.040 9.2.3.9)")
        void moTriggerFromNormalUeIsBlocked() {
            Verdict v = decide(mo("491730000005", TRIGGER, "491730000001"));
            assertEquals("mo-trigger-from-ue", v.ruleId());
            assertTrue(v.reason().contains("9.2.3.9"), v.reason());
            assertTrue(decide(mo("491730000005", ORDINARY, "491730000001")).allowed());
        }
    }

    @Nested
    @DisplayName("MTC-IWF filtering of Tsp triggers")
    class Mtciwf {
        @Test
        @DisplayName("a Tsp trigger not from a trusted SCS is blocked with NOTAUTHORIZED")
        void triggerFromUnknownScsIsBlocked() {
            Verdict v = decide(tsp("scs.unknown.example.org", TRIGGER, "491701000001"));
            assertEquals(RequestStatus.NOTAUTHORIZED, v.requestStatus());
            assertEquals("default-deny-trigger", v.ruleId());
        }

        @Test
        @DisplayName("a trusted SCS may trigger the UEs it is authorised for, by MSISDN or External-Identifier")
        void trustedScsToItsUes() {
            assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed());
            assertTrue(decide(tspExt("scs1.utility.example.com", "meter-7@METERS.example.com")).allowed());
        }

        @Test
        @DisplayName("a trusted SCS may not trigger UEs outside its authorisation")
        void trustedScsNotToOtherUes() {
            assertEquals("scs-utility/ue-not-granted", decide(tsp("scs1.utility.example.com", TRIGGER, "491730000001")).ruleId());
            assertFalse(decide(tspExt("scs1.utility.example.com", "meter-7@meters.example.org")).allowed());
        }

        @Test
        @DisplayName("every name given for the UE must be authorised, so a good name cannot carry a bad one")
        void allTargetNamesMustBeCovered() {
            InboundItem mixed = InboundItem.builder(Ingress.TSP, Originator.named("scs1.utility.example.com")).tpPid(TRIGGER)
                    .targetExternalId(ExternalId.of("meter-7@meters.example.com"))
                    .targetMsisdn(Msisdn.of("491730000001")).build();
            assertFalse(decide(mixed).allowed());
        }

        @Test
        @DisplayName("NOTE 1: by operator policy a trusted source may trigger any UE")
        void trustedSourceForEveryUe() {
            assertTrue(decide(tsp("scs.operator.example.net", TRIGGER, "12025550100")).allowed());
        }

        @Test
        @DisplayName("NOTE 3: a sender above its rate is refused with RATEEXCEEDED until tokens return")
        void rateLimit() {
            for (int i = 0; i < 3; i++) {
                assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed(), "burst item " + i);
            }
            Verdict v = decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001"));
            assertEquals(RequestStatus.RATEEXCEEDED, v.requestStatus());
            assertEquals("scs-utility/rate", v.ruleId());
            time.advanceMillis(500);
            assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed());
        }

        @Test
        @DisplayName("NOTE 3: a sender past its quota is refused with QUOTAEXCEEDED until the next period")
        void quota() {
            for (int i = 0; i < 5; i++) {
                time.advanceMillis(1000);
                assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed(), "item " + i);
            }
            time.advanceMillis(1000);
            Verdict v = decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001"));
            assertEquals(RequestStatus.QUOTAEXCEEDED, v.requestStatus());
            time.advanceMillis(3_600_000);
            assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed());
        }

        @Test
        @DisplayName("refused items do not use up the rate of the sender's allowed ones")
        void refusalsDoNotConsumeRate() {
            for (int i = 0; i < 10; i++) {
                assertFalse(decide(tsp("scs1.utility.example.com", TRIGGER, "491730000001")).allowed());
            }
            assertTrue(decide(tsp("scs1.utility.example.com", TRIGGER, "491701000001")).allowed());
        }
    }

    @Test
    @DisplayName("the trigger indication is the TP-PID: 0x48 is a trigger, other values are not")
    void triggerIndicationIsTpPid() {
        assertEquals(MessageKind.TRIGGER, MessageKind.ofTpPid(0x48));
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.ofTpPid(0x7F));
        assertEquals(MessageKind.ME_DATA_DOWNLOAD, MessageKind.ofTpPid(0x7D));
        assertEquals(MessageKind.ME_DEPERSONALIZATION, MessageKind.ofTpPid(0x7E));
        assertEquals(MessageKind.TYPE_0, MessageKind.ofTpPid(0x40));
        assertEquals(MessageKind.ORDINARY, MessageKind.ofTpPid(0x00));
        assertFalse(decide(tsms("4989000000", TRIGGER, "491730000001")).allowed());
        assertTrue(decide(tsms("4989000000", 0x3F, "491730000001")).allowed());
        assertFalse(decide(tsms("4989000000", 0x40, "491730000001")).allowed(), "type 0 is a silent probe");
    }

    @Test
    @DisplayName("explain shows the rule path and does not use up rate or quota")
    void explainDoesNotConsume() {
        for (int i = 0; i < 20; i++) {
            Explanation e = engine.explain(tsp("scs1.utility.example.com", TRIGGER, "491701000001"));
            assertTrue(e.verdict().allowed(), e::toString);
        }
        Explanation e = engine.explain(tsp("scs1.utility.example.com", TRIGGER, "491701000001"));
        assertTrue(e.steps().stream().anyMatch(s -> s.contains("trusted sender 'scs-utility'")), e::toString);
        assertTrue(e.steps().stream().anyMatch(s -> s.contains("grant scs-utility/grant[0] (to meters) covers")), e::toString);
        Explanation blocked = engine.explain(tsms("4930999123", TRIGGER, "491730000001"));
        assertTrue(blocked.steps().stream().anyMatch(s -> s.contains("sender 'sme-partner' matches the originator but has no grant")),
                blocked::toString);
    }
}
