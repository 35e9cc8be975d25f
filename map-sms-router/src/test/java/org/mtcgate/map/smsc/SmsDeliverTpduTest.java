package org.mtcgate.map.smsc;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SmsDeliverTpduTest {
    @Test
    void anSmWithItsOwnHeaderGoesOutWithThatHeader() throws Exception {
        byte[] ud = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 'x', 'y'};
        byte[] tpdu = SmsDeliverTpdu.encode(new ShortMessage(0, 4, -1, false, ud, true), "491720000999", Clock.systemUTC());
        SmsDeliver d = TpduCodec.decodeDeliver(tpdu);
        assertEquals(42, d.userData().header().concatenation().orElseThrow().reference());
        assertArrayEquals(new byte[] {'x', 'y'}, d.userData().body());
    }

    @Test
    void aPortWithoutOwnHeaderBecomesThe16BitPortIe() throws Exception {
        byte[] tpdu = SmsDeliverTpdu.encode(new ShortMessage(0x48, 4, 9200, false, new byte[] {1}), "491720000999",
                Clock.systemUTC());
        assertEquals(9200, TpduCodec.decodeDeliver(tpdu).userData().header().applicationPort().orElseThrow().destinationPort());
    }

    @Test
    void aMalformedOwnHeaderIsNotSent() {
        byte[] twoPorts = {0x0C, 0x05, 0x04, 0, 1, 0, 0, 0x05, 0x04, 0x23, (byte) 0xF0, 0, 0};
        assertThrows(TpduException.class, () -> SmsDeliverTpdu.encode(new ShortMessage(0, 4, -1, false, twoPorts, true),
                "491720000999", Clock.systemUTC()));
    }
}
