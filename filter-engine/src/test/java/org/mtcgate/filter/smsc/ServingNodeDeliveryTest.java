package org.mtcgate.filter.smsc;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMS-SC's path choice over the serving nodes the HSS named. */
class ServingNodeDeliveryTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    /** Each path answers per node address as the test sets it, and records what it was asked. */
    static final class Path implements NodeDelivery {
        final Map<String, DeliveryAttempt.Result> answers;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        Path(Map<String, DeliveryAttempt.Result> answers) {
            this.answers = answers;
        }

        @Override
        public CompletableFuture<DeliveryAttempt> deliver(Imsi imsi, ServingNode node, List<byte[]> tpdus) {
            asked.add(node + " x" + tpdus.size());
            DeliveryAttempt.Result r = answers.getOrDefault(node.address(), DeliveryAttempt.Result.DELIVERED);
            return CompletableFuture.completedFuture(new DeliveryAttempt(r, r.name().toLowerCase()));
        }
    }

    final List<SmRecipient> waiting = Collections.synchronizedList(new ArrayList<>());
    final MessageWaiting mwd = r -> {
        waiting.add(r);
        return CompletableFuture.completedFuture(null);
    };
    final SmsDeliverEncoder twoSegments = sm -> List.of(new byte[] {1}, new byte[] {2});

    static HeldSm sm(String... nodes) {
        return HeldSm.held(new SmId("scs1", 1), new SmRecipient(Imsi.of("262015500000001"), Msisdn.of("491701000001"),
                List.of(nodes)), new ShortMessage(0x48, 0x04, 9200, false, new byte[] {1}), T0, T0.plusSeconds(60));
    }

    DeliveryAttempt run(ServingNodeDelivery d, HeldSm sm) throws Exception {
        return d.deliver(sm).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void textFormsOfServingNodes() {
        assertEquals(new ServingNode(ServingNode.Kind.MSC, "491720000200"), ServingNode.parse("491720000200"));
        assertEquals(new ServingNode(ServingNode.Kind.MSC, "491720000200"), ServingNode.parse("msc:491720000200"));
        assertEquals(new ServingNode(ServingNode.Kind.SGSN, "491720000300"), ServingNode.parse("SGSN:491720000300"));
        assertEquals(new ServingNode(ServingNode.Kind.MME, "mme1.epc.test"), ServingNode.parse("mme:mme1.epc.test"));
        assertEquals(new ServingNode(ServingNode.Kind.MME, "mme1.epc.test"), ServingNode.parse("mme1.epc.test"));
        assertEquals("sgsn:491720000300", ServingNode.parse("sgsn:491720000300").toString());
        assertThrows(IllegalArgumentException.class, () -> ServingNode.parse("sgsn:49x"));
        assertThrows(IllegalArgumentException.class, () -> ServingNode.parse("msc:"));
        assertEquals(List.of(ServingNode.parse("491720000200")),
                new SmRecipient(Imsi.of("262015500000001"), null, List.of("491720000200", "sgsn:bad")).nodes(),
                "a node that fits no form is left out");
    }

    @Test
    void absentAtTheMscGoesToTheSgsnThenStops() throws Exception {
        Path map = new Path(Map.of("491720000200", DeliveryAttempt.Result.ABSENT));
        ServingNodeDelivery d = new ServingNodeDelivery(twoSegments,
                Map.of(ServingNode.Kind.MSC, map, ServingNode.Kind.SGSN, map), mwd);
        assertEquals(DeliveryAttempt.Result.DELIVERED,
                run(d, sm("491720000200", "sgsn:491720000300", "491720000201")).result());
        assertEquals(List.of("491720000200 x2", "sgsn:491720000300 x2"), map.asked);
        assertTrue(waiting.isEmpty());
    }

    @Test
    void absentEverywhereSetsMessageWaitingOnce() throws Exception {
        Path map = new Path(Map.of("491720000200", DeliveryAttempt.Result.ABSENT, "491720000300", DeliveryAttempt.Result.ABSENT));
        Path sgd = new Path(Map.of("mme1.epc.test", DeliveryAttempt.Result.ABSENT));
        ServingNodeDelivery d = new ServingNodeDelivery(twoSegments,
                Map.of(ServingNode.Kind.MSC, map, ServingNode.Kind.SGSN, map, ServingNode.Kind.MME, sgd), mwd);
        DeliveryAttempt a = run(d, sm("491720000200", "mme:mme1.epc.test", "sgsn:491720000300"));
        assertEquals(DeliveryAttempt.Result.ABSENT, a.result());
        assertEquals(3, a.detail().split(";").length, a.detail());
        assertEquals(1, waiting.size());
        assertEquals(List.of("mme:mme1.epc.test x2"), sgd.asked);
    }

    @Test
    void aPassingFailureSomewhereIsRetriedWithoutMessageWaiting() throws Exception {
        Path map = new Path(Map.of("491720000200", DeliveryAttempt.Result.TEMPORARY, "491720000300", DeliveryAttempt.Result.ABSENT));
        ServingNodeDelivery d = new ServingNodeDelivery(twoSegments, Map.of(ServingNode.Kind.MSC, map, ServingNode.Kind.SGSN, map), mwd);
        assertEquals(DeliveryAttempt.Result.TEMPORARY, run(d, sm("491720000200", "sgsn:491720000300")).result());
        assertTrue(waiting.isEmpty());
    }

    @Test
    void aPermanentRefusalIsAboutTheSubscriberAndEndsTheAttempt() throws Exception {
        Path map = new Path(Map.of("491720000200", DeliveryAttempt.Result.PERMANENT));
        ServingNodeDelivery d = new ServingNodeDelivery(twoSegments, Map.of(ServingNode.Kind.MSC, map, ServingNode.Kind.SGSN, map), mwd);
        assertEquals(DeliveryAttempt.Result.PERMANENT, run(d, sm("491720000200", "sgsn:491720000300")).result());
        assertEquals(List.of("491720000200 x2"), map.asked);
    }

    @Test
    void aNodeWithoutAPathIsSkippedAndNoNodeAtAllIsAbsent() throws Exception {
        Path map = new Path(Map.of());
        ServingNodeDelivery d = new ServingNodeDelivery(twoSegments, Map.of(ServingNode.Kind.MSC, map), mwd);
        assertEquals(DeliveryAttempt.Result.DELIVERED, run(d, sm("mme:mme1.epc.test", "491720000200")).result());
        assertEquals(List.of("491720000200 x2"), map.asked);
        DeliveryAttempt none = run(d, sm());
        assertEquals(DeliveryAttempt.Result.ABSENT, none.result());
        assertEquals("the HSS named no serving node", none.detail());
        DeliveryAttempt onlyMme = run(d, sm("mme:mme1.epc.test"));
        assertEquals(DeliveryAttempt.Result.ABSENT, onlyMme.result());
        assertTrue(onlyMme.detail().contains("no path"), onlyMme.detail());
    }

    @Test
    void anSmTheEncoderCannotCarryIsUndeliverable() throws Exception {
        Path map = new Path(Map.of());
        ServingNodeDelivery d = new ServingNodeDelivery(sm -> {
            throw new IllegalArgumentException("300 segments");
        }, Map.of(ServingNode.Kind.MSC, map), mwd);
        DeliveryAttempt a = run(d, sm("491720000200"));
        assertEquals(DeliveryAttempt.Result.PERMANENT, a.result());
        assertTrue(a.detail().contains("300 segments"));
        assertTrue(map.asked.isEmpty());
    }
}
