package org.mtcgate.map.smsc;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.map.tpdu.ApplicationPort;
import org.mtcgate.map.tpdu.Concatenation;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long SMs as concatenated SMS-DELIVERs (TS 23.040 9.2.3.24.8), read back with the project's own decoder. */
class SmsDeliverTpduTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    final SmsDeliverTpdu encoder = new SmsDeliverTpdu("491720000999", CLOCK);

    static HeldSm sm(long ref, int port, int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 7 + 3);
        }
        return HeldSm.held(new SmId("scs1", ref), new SmRecipient(Imsi.of("262015500000001"), null, List.of("491720000200")),
                new ShortMessage(0x48, 0x04, port, false, payload), CLOCK.instant(), CLOCK.instant().plusSeconds(60));
    }

    @Test
    void whatFitsOneSmGoesInOneWithoutAConcatenationIe() throws Exception {
        List<byte[]> one = encoder.encode(sm(1, 9200, 133));
        assertEquals(1, one.size(), "133 octets + the 7-octet port header fill 140");
        SmsDeliver d = TpduCodec.decodeDeliver(one.get(0));
        assertFalse(d.header().concatenation().isPresent());
        assertEquals(9200, d.header().applicationPort().orElseThrow().destinationPort());
        assertEquals(1, encoder.encode(sm(1, -1, 140)).size());
    }

    @Test
    void longerPayloadsAreSegmentedWithThePortInEverySegmentAndReassembleToTheOriginal() throws Exception {
        HeldSm long1 = sm(2, 9200, 300);
        List<byte[]> segments = encoder.encode(long1);
        assertEquals(3, segments.size(), "127 octets a segment: 127 + 127 + 46");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int reference = -1;
        for (int i = 0; i < segments.size(); i++) {
            assertTrue(segments.get(i).length <= 140 + 30, "TPDU size");
            SmsDeliver d = TpduCodec.decodeDeliver(segments.get(i));
            assertEquals(0x48, d.protocolIdentifier());
            Concatenation c = d.header().concatenation().orElseThrow();
            assertEquals(3, c.total());
            assertEquals(i + 1, c.sequence());
            reference = i == 0 ? c.reference() : reference;
            assertEquals(reference, c.reference(), "one reference for all segments");
            ApplicationPort port = d.header().applicationPort().orElseThrow();
            assertEquals(9200, port.destinationPort());
            assertTrue(d.header().find(0x08).isPresent(), "16-bit reference IE");
            whole.write(d.userData().body());
        }
        assertArrayEquals(long1.message().userData(), whole.toByteArray());
        assertEquals(encoder.encode(long1).size(), segments.size());
        assertEquals(reference, TpduCodec.decodeDeliver(encoder.encode(long1).get(1)).header().concatenation().orElseThrow()
                .reference(), "a retry repeats the reference");
    }

    @Test
    void withoutAPortASegmentCarries133Octets() throws Exception {
        List<byte[]> segments = encoder.encode(sm(3, -1, 141));
        assertEquals(2, segments.size());
        assertEquals(133, TpduCodec.decodeDeliver(segments.get(0)).userData().body().length);
        assertFalse(TpduCodec.decodeDeliver(segments.get(1)).header().applicationPort().isPresent());
    }

    @Test
    void moreThan255SegmentsOrAnotherAlphabetCannotBeCarried() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(sm(4, 9200, 127 * 255 + 1)));
        assertEquals(255, assertDoesNotThrowSize(sm(5, 9200, 127 * 255)));
        HeldSm text = HeldSm.held(new SmId("scs1", 6), new SmRecipient(Imsi.of("262015500000001"), null, List.of()),
                new ShortMessage(0x00, 0x00, -1, false, new byte[] {0x41}), CLOCK.instant(), CLOCK.instant().plusSeconds(60));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(text));
    }

    private int assertDoesNotThrowSize(HeldSm sm) {
        return encoder.encode(sm).size();
    }
}
