package org.mtcgate.smpp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MO SMs the SMS-SC took for an SME's address reach that SME's receiver bind as deliver_sm. */
class TsmsMoTest {
    TsmsFixture fx;

    @BeforeEach
    void start() throws Exception {
        NodeSme.requireAvailable();
        fx = new TsmsFixture();
    }

    @AfterEach
    void stop() {
        if (fx != null) { // null when the npm client is missing and the test was skipped before it started
            fx.close();
        }
    }

    @Test
    void moForAnSmesAddressGoesToItsReceiverBind() throws Exception {
        NodeSme.Running sme = NodeSme.start("{\"host\":\"127.0.0.1\",\"port\":" + fx.port()
                + ",\"bind\":\"receiver\",\"systemId\":\"tracker\",\"password\":\"trk-pw\",\"receipts\":1}");
        assertEquals("tracker", fx.observer.firstBind.get(30, TimeUnit.SECONDS));
        MobileOriginated mo = new MobileOriginated("4930123456", "491702000001", 0, 4, false,
                "reading 42".getBytes(StandardCharsets.US_ASCII));
        assertTrue(fx.server.deliverMo(mo).toCompletableFuture().get(30, TimeUnit.SECONDS));
        List<NodeSme.Event> events = sme.finish();
        NodeSme.Event got = NodeSme.first(events, "deliver_sm");
        assertEquals("0", got.get("esmClass"));
        assertEquals("491702000001", got.get("source"));
        assertEquals("4930123456", got.get("destination"));
        assertEquals("reading 42", got.get("text"));
        assertEquals(1, fx.server.counters().moDelivered());
    }

    @Test
    void moForNoSmesAddressIsNotTheirsAndAnUnboundSmeFailsIt() throws Exception {
        assertFalse(fx.server.deliverMo(new MobileOriginated("4912345", "491702000001", 0, 4, false, new byte[0]))
                .toCompletableFuture().get(10, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> fx.server.deliverMo(
                new MobileOriginated("4930999123", "491702000001", 0, 4, false, new byte[0])).toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("no receiver bound"), e.getCause().getMessage());
    }
}
