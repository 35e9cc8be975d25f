package org.mtcgate.smpp;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.smsc.SmOutcome;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Address blocks, SMPP time fields and the receipt text. */
class SmppValuesTest {
    @Test
    void addressBlocksMatchTheirPrefixOnly() throws Exception {
        AddressBlock v4 = AddressBlock.parse("10.1.0.0/16");
        assertTrue(v4.contains(InetAddress.getByName("10.1.200.3")));
        assertFalse(v4.contains(InetAddress.getByName("10.2.0.1")));
        assertTrue(AddressBlock.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.7")));
        assertFalse(AddressBlock.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.8")));
        assertTrue(AddressBlock.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5")));
        assertFalse(AddressBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("::1")), "v4 blocks never match v6");
        assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse("sme.example.com"));
        assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse("10.0.0.0/33"));
    }

    @Test
    void validityPeriodsAbsoluteAndRelative() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(now.plus(Duration.ofHours(2)).plusSeconds(30), SmppTime.resolve("000000020030000R", now));
        assertEquals(Instant.parse("2026-12-04T08:00:00Z"), SmppTime.resolve("261204120000016+", now),
                "16 quarter hours ahead of UTC");
        assertThrows(IllegalArgumentException.class, () -> SmppTime.resolve("2612041200000", now));
        assertThrows(IllegalArgumentException.class, () -> SmppTime.resolve("261304120000016+", now));
        assertThrows(IllegalArgumentException.class, () -> SmppTime.resolve("261204120000049+", now));
    }

    @Test
    void receiptTextIsTheUsualOne() {
        ReceiptRequest r = new ReceiptRequest("tracker", "123", "4930123456", "491702000001",
                Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"), false);
        assertEquals("id:123 sub:001 dlvrd:001 submit date:2612031000 done date:2612031001 stat:DELIVRD err:000 text:",
                DeliveryReceipts.text(r, SmOutcome.DELIVERED, Instant.parse("2026-12-03T10:01:00Z")));
        assertTrue(DeliveryReceipts.text(r, SmOutcome.EXPIRED, Instant.now()).contains("dlvrd:000"));
        assertTrue(DeliveryReceipts.text(r, SmOutcome.UNDELIVERABLE, Instant.now()).contains("stat:UNDELIV"));
    }
}
