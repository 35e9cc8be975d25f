package org.mtcgate.map.stack;

import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.api.AssociationListener;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.api.PayloadData;

import java.lang.reflect.Proxy;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * At a stop, jSS7 writes ASPDN and marks its ASP as DOWN_SENT after: the guard holds the peer's ASPDN ACK back while
 * the stack says the mark is not made yet, and passes everything else at once.
 */
class OriginGuardAspDownAckTest {
    private static final byte[] ASPDN_ACK = {1, 0, 3, 5, 0, 0, 0, 8};
    private static final byte[] ASPUP_ACK = {1, 0, 3, 4, 0, 0, 0, 8};

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final LinkedBlockingQueue<byte[]> passed = new LinkedBlockingQueue<>();
    private final AtomicBoolean notYetMarked = new AtomicBoolean(true);
    private final OriginGuard guard = new OriginGuard(recording(), "msc", 2);
    /** An SCTP association to the guard: one payload is one M3UA message. Nothing else of it is used. */
    private final Association sctp = (Association) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Association.class}, (proxy, method, args) ->
                    method.getName().equals("getIpChannelType") ? IpChannelType.SCTP : null);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private AssociationListener recording() {
        return (AssociationListener) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AssociationListener.class}, (proxy, method, args) -> {
                    if (method.getName().equals("onPayload")) {
                        PayloadData payload = (PayloadData) args[1];
                        byte[] bytes = new byte[payload.getByteBuf().readableBytes()];
                        payload.getByteBuf().readBytes(bytes);
                        passed.add(bytes);
                    }
                    return null;
                });
    }

    private void receive(byte[] message) throws Exception {
        loop.submit(() -> guard.onPayload(sctp, new PayloadData(message.length, Unpooled.wrappedBuffer(message.clone()),
                true, false, 3, 0))).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anAspDownAckWaitsForTheMarkAndOtherMessagesDoNot() throws Exception {
        guard.holdAspDownAckWhile(notYetMarked::get);
        receive(ASPDN_ACK);
        receive(ASPUP_ACK);
        assertArrayEquals(ASPUP_ACK, passed.poll(5, TimeUnit.SECONDS), "not held");
        assertNull(passed.poll(100, TimeUnit.MILLISECONDS), "the ASPDN ACK waits while the ASP is not marked");
        notYetMarked.set(false);
        assertArrayEquals(ASPDN_ACK, passed.poll(5, TimeUnit.SECONDS), "passed once it is");
    }

    @Test
    void anAspDownAckIsHeldForABoundedTimeOnly() throws Exception {
        guard.holdAspDownAckWhile(() -> true);
        receive(ASPDN_ACK);
        assertNotNull(passed.poll(10, TimeUnit.SECONDS), "passed at the limit even if the mark never comes");
        assertEquals(0, passed.size());
    }

    @Test
    void withoutAHoldNothingWaits() throws Exception {
        receive(ASPDN_ACK);
        assertArrayEquals(ASPDN_ACK, passed.poll(5, TimeUnit.SECONDS));
    }
}
