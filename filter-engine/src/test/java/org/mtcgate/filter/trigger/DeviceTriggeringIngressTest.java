package org.mtcgate.filter.trigger;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A T8 request (an SCS/AS through the SCEF) is decided with the T8 senders of the policy, never Tsp's. */
class DeviceTriggeringIngressTest {
    static final String POLICY = """
            version: 1
            groups:
              meters: {msisdn-prefixes: ["4917010"]}
            senders:
              - {id: scs-tsp, ingress: [tsp], identities: [scs1], grants: [{kinds: [trigger], to: [meters]}]}
              - {id: as-t8, ingress: [t8], identities: [as1], grants: [{kinds: [trigger], to: [meters]}]}
            """;

    final DeviceTriggeringTest.RecordingSmsc smsc = new DeviceTriggeringTest.RecordingSmsc();
    final DeviceTriggering triggering;

    DeviceTriggeringIngressTest() throws Exception {
        ManualTime time = new ManualTime();
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("p.yaml", POLICY, ListSource.NONE), time);
        SubscriberTable hss = new SubscriberTable(List.of(new Subscriber(Imsi.of("262015500000001"), Msisdn.of("491701000001"),
                List.of(), Set.of("scs1", "as1"), List.of("491720000200"))));
        triggering = new DeviceTriggering(filter, hss, new MemoryTriggerStore(), smsc, n -> { }, TriggerObserver.NONE,
                TriggerLimits.DEFAULT, Clock.systemUTC());
    }

    DeviceActionResult run(String scs, long ref, Ingress ingress) throws Exception {
        return triggering.handle(new DeviceActionRequest(scs, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(Msisdn.of("491701000001")), new byte[] {1}, 9200, false, null, ingress))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void eachIngressHasItsOwnTrustedSenders() throws Exception {
        assertEquals(RequestStatus.SUCCESS, run("as1", 1, Ingress.T8).requestStatus());
        assertEquals(RequestStatus.SUCCESS, run("scs1", 1, Ingress.TSP).requestStatus());
        DeviceActionResult tspNameOverT8 = run("scs1", 2, Ingress.T8);
        assertEquals(RequestStatus.NOTAUTHORIZED, tspNameOverT8.requestStatus());
        assertEquals("default-deny-trigger", tspNameOverT8.verdict().ruleId());
        assertEquals(RequestStatus.NOTAUTHORIZED, run("as1", 3, Ingress.TSP).requestStatus());
        assertEquals(2, new ArrayList<>(smsc.submitted).size());
    }

    @Test
    void onlyTspAndT8CarryDeviceActions() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceActionRequest("as1", null, ActionType.DEVICE_TRIGGER_REQUEST,
                1, null, UeName.of(Msisdn.of("491701000001")), new byte[] {1}, -1, false, null, Ingress.T4));
        assertTrue(Ingress.parse("t8") == Ingress.T8);
    }
}
