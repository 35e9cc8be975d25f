package org.mtcgate.map.smsc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.StackPair;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.stack.Transport;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMS-SC's SRI-for-SM against a jSS7 HLR over M3UA/TCP on loopback. */
class MapRoutingInfoTest {
    static final long WAIT = 15;

    @TempDir
    Path dir;
    StackPair stacks;
    MapClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.detach();
        }
        if (stacks != null) {
            stacks.close();
        }
    }

    MapRoutingInfo connect() throws Exception {
        stacks = StackPair.assemble(dir, Transport.TCP);
        new HlrPeer(stacks.network)
                .provision("491701000001", new HlrPeer.Subscription("262015500000001", "491720000200", "491720000300"))
                .provision("491701000002", new HlrPeer.Subscription("262015500000002", null, "491720000300"))
                .provision("491701000003", new HlrPeer.Subscription("262015500000003", null, null));
        client = MapClient.attach(stacks.gateway.mapProvider(), 5_000, 0);
        stacks.connect(WAIT, TimeUnit.SECONDS);
        return new MapRoutingInfo(client, StackPair.GATEWAY_GT, StackPair.HLR_GT, StackPair.GATEWAY_GT);
    }

    Optional<SmRecipient> locate(MapRoutingInfo routing, String msisdn) throws Exception {
        return routing.locate(Msisdn.of(msisdn)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void theHlrsAnswerBecomesTheRecipientWithItsServingNodesInOrder() throws Exception {
        MapRoutingInfo routing = connect();
        SmRecipient both = locate(routing, "491701000001").orElseThrow();
        assertEquals(Imsi.of("262015500000001"), both.imsi());
        assertEquals(Msisdn.of("491701000001"), both.msisdn());
        assertEquals(List.of("491720000200", "sgsn:491720000300"), both.servingNodes());
        assertEquals(List.of("sgsn:491720000300"), locate(routing, "491701000002").orElseThrow().servingNodes());
    }

    @Test
    void unknownIsEmptyAndAbsentIsAFailureWorthRetrying() throws Exception {
        MapRoutingInfo routing = connect();
        assertTrue(locate(routing, "491709999999").isEmpty(), "unknownSubscriber");
        ExecutionException e = assertThrows(ExecutionException.class, () -> locate(routing, "491701000003"));
        MapRoutingInfo.RoutingFailure failure = assertInstanceOf(MapRoutingInfo.RoutingFailure.class, e.getCause());
        assertTrue(failure.absent(), failure.getMessage());
    }
}
