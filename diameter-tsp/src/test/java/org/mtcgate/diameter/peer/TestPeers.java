package org.mtcgate.diameter.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/** Shared fixtures for tests that run real nodes on loopback. */
public final class TestPeers {
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private TestPeers() {
    }

    public static LocalIdentity identity(String host, String realm) {
        return new LocalIdentity(host, realm, List.of(LOOPBACK), 0, "mtcgate-test", 1, 1);
    }

    public static InetSocketAddress ephemeral() {
        return new InetSocketAddress(LOOPBACK, 0);
    }

    /** A Tsp DAR as an SCS would send it (TS 29.368 6.2.2). */
    public static DiameterMessage dar(String originHost, String originRealm, String destinationRealm, long reference) {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(originHost + ";" + SESSIONS.incrementAndGet()))
                .avp(BaseAvps.authApplicationId(ApplicationIds.TSP))
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(originHost))
                .avp(BaseAvps.originRealm(originRealm))
                .avp(BaseAvps.destinationRealm(destinationRealm))
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(reference),
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)))
                .build();
    }

    /** A test Tsp handler: answers 2001 echoing the Reference-Number in a Device-Notification. */
    public static DiameterRequestHandler echoHandler(AtomicInteger calls) {
        return (request, ctx) -> {
            calls.incrementAndGet();
            long ref = request.avp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP).orElseThrow().groupedAvps().stream()
                    .filter(a -> a.code() == AvpCodes.REFERENCE_NUMBER).findFirst().orElseThrow().unsigned32();
            return CompletableFuture.completedFuture(ctx.answer(request, 2001)
                    .avp(BaseAvps.authApplicationId(ApplicationIds.TSP))
                    .avp(BaseAvps.authSessionState(1))
                    .avp(Avp.builder(AvpCodes.DEVICE_NOTIFICATION).vendor(VendorIds.TGPP).mandatory().grouped(
                            Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(ref),
                            Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1),
                            Avp.builder(AvpCodes.REQUEST_STATUS).vendor(VendorIds.TGPP).mandatory().unsigned32(0)))
                    .build());
        };
    }

    public static long resultCode(DiameterMessage m) {
        return m.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }
}
