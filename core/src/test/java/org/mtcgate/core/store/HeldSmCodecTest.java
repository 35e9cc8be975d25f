package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.HeldSmState;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmRecipient;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The SMS-SC's record format: format 3 keeps a relayed SM's header and sender; format 2 records still read. */
class HeldSmCodecTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aRelayedSmKeepsItsHeaderAndOriginator() {
        HeldSm sm = HeldSm.held(new SmId("mo", 7), new SmRecipient(Imsi.of("262015500000001"), Msisdn.of("491701000001"),
                        List.of("491720000200", "sgsn:491720000300")),
                new ShortMessage(0x00, 0x00, -1, true, new byte[] {0x48, 0x49}, new byte[] {0x00, 0x03, 0x2A, 0x02, 0x01},
                        "491701000009"), T0, T0.plusSeconds(60));
        HeldSm back = HeldSmCodec.decode(HeldSmCodec.encode(sm));
        assertEquals(sm, back);
        assertArrayEquals(new byte[] {0x00, 0x03, 0x2A, 0x02, 0x01}, back.message().header());
        assertEquals("491701000009", back.message().originator());
    }

    /** Bytes as format 2 wrote them (before headers and originators): read as an SM of the SMS-SC's own. */
    @Test
    void aFormat2RecordStillReads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeUTF("scs1.example.com");
            out.writeLong(42);
            out.writeUTF("262015500000001");
            out.writeBoolean(false);
            out.writeShort(1);
            out.writeUTF("491720000200");
            out.writeShort(0x48);
            out.writeShort(0x04);
            out.writeInt(9200);
            out.writeBoolean(false);
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
            out.writeLong(T0.toEpochMilli());
            out.writeLong(T0.plusSeconds(60).toEpochMilli());
            out.writeUTF("HELD");
            out.writeBoolean(false);
        }
        HeldSm sm = HeldSmCodec.decode(bytes.toByteArray());
        assertEquals(new SmId("scs1.example.com", 42), sm.id());
        assertEquals(HeldSmState.HELD, sm.state());
        assertEquals(new ShortMessage(0x48, 0x04, 9200, false, new byte[] {1, 2, 3}), sm.message());
        assertEquals(0, sm.message().header().length);
        assertNull(sm.message().originator());
    }
}
