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
    void moreThan255SegmentsCannotBeCarried() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(sm(4, 9200, 127 * 255 + 1)));
        assertEquals(255, assertDoesNotThrowSize(sm(5, 9200, 127 * 255)));
    }

    static HeldSm relayed(long ref, int dcs, byte[] body, byte[] header, String originator) {
        return HeldSm.held(new SmId("mo", ref), new SmRecipient(Imsi.of("262015500000001"), null, List.of()),
                new ShortMessage(0x00, dcs, -1, false, body, header, originator), CLOCK.instant(), CLOCK.instant().plusSeconds(60));
    }

    @Test
    void longTextIsSplitIntoSeptetSegmentsAndReadsBackWhole() throws Exception {
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(5); // 225 characters
        HeldSm sm = relayed(6, 0x00, org.mtcgate.map.tpdu.Gsm7.toSeptets(text), null, "491701000009");
        List<byte[]> segments = encoder.encode(sm);
        assertEquals(2, segments.size(), "152 septets a segment beside the concatenation IE");
        StringBuilder whole = new StringBuilder();
        for (byte[] tpdu : segments) {
            SmsDeliver d = TpduCodec.decodeDeliver(tpdu);
            assertEquals("491701000009", d.originatingAddress().value(), "TP-OA is the relayed SM's sender");
            assertEquals(org.mtcgate.map.tpdu.CharacterSet.GSM_7BIT, d.userData().characterSet());
            whole.append(d.userData().text());
        }
        assertEquals(text, whole.toString());
    }

    @Test
    void anEscapedCharacterIsNeverSplitBetweenSegments() throws Exception {
        // 151 septets, then the euro sign as ESC 0x65: the escape would be the 152nd septet, the last of segment 1.
        String text = "a".repeat(151) + "€ and more text after the boundary";
        HeldSm sm = relayed(10, 0x00, org.mtcgate.map.tpdu.Gsm7.toSeptets(text), null, "491701000009");
        List<byte[]> segments = encoder.encode(sm);
        assertEquals(2, segments.size());
        String first = TpduCodec.decodeDeliver(segments.get(0)).userData().text();
        String second = TpduCodec.decodeDeliver(segments.get(1)).userData().text();
        assertEquals("a".repeat(151), first, "the segment ends before the escape, one septet short");
        assertTrue(second.startsWith("€"), second);
        assertEquals(text, first + second);
    }

    @Test
    void aPartOfAnMoConcatenatedSmKeepsItsOwnHeaderAndIsNeverSplitAgain() throws Exception {
        byte[] concatIe = {0x00, 0x03, 0x2A, 0x02, 0x01}; // 8-bit reference 42, part 1 of 2
        HeldSm part = relayed(7, 0x00, org.mtcgate.map.tpdu.Gsm7.toSeptets("part one"), concatIe, "491701000009");
        List<byte[]> one = encoder.encode(part);
        assertEquals(1, one.size());
        assertEquals(new Concatenation(42, 2, 1),
                TpduCodec.decodeDeliver(one.get(0)).userData().header().concatenation().orElseThrow());
        HeldSm tooLong = relayed(8, 0x04, new byte[140], concatIe, "491701000009");
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(tooLong));
        HeldSm badHeader = relayed(9, 0x04, new byte[1], new byte[] {0x05, 0x09, 1}, null);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(badHeader), "an IE running past the header");
    }

    private int assertDoesNotThrowSize(HeldSm sm) {
        return encoder.encode(sm).size();
    }
}
