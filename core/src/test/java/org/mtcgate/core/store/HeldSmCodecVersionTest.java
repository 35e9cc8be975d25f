package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmRecipient;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format 3 keeps the user data header flag; records of format 2, written before it, still read. */
class HeldSmCodecVersionTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void anSmWithItsOwnHeaderKeepsIt() {
        byte[] ud = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 'x'};
        HeldSm sm = HeldSm.held(new SmId("smpp:tracker", 7), new SmRecipient(Imsi.of("262015500000001"),
                Msisdn.of("491702000001"), List.of("491720000002")), new ShortMessage(0, 4, -1, false, ud, true),
                AT, AT.plusSeconds(3600));
        HeldSm back = HeldSmCodec.decode(HeldSmCodec.encode(sm));
        assertEquals(sm, back);
        assertTrue(back.message().userDataHeader());
        assertArrayEquals(ud, back.message().userData());
    }

    @Test
    void aFormat2RecordReadsAsAnSmWithoutHeader() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeUTF("scs.example.net");
            out.writeLong(42);
            out.writeUTF("262015500000001");
            out.writeBoolean(true);
            out.writeUTF("491702000001");
            out.writeShort(1);
            out.writeUTF("491720000002");
            out.writeShort(0x48);
            out.writeShort(4);
            out.writeInt(9200);
            out.writeBoolean(false);
            out.writeInt(2);
            out.write(new byte[] {1, 2});
            out.writeLong(AT.toEpochMilli());
            out.writeLong(AT.plusSeconds(60).toEpochMilli());
            out.writeUTF("HELD");
            out.writeBoolean(false);
        }
        HeldSm sm = HeldSmCodec.decode(bytes.toByteArray());
        assertEquals(new SmId("scs.example.net", 42), sm.id());
        assertEquals(9200, sm.message().applicationPort());
        assertFalse(sm.message().userDataHeader());
        assertArrayEquals(new byte[] {1, 2}, sm.message().userData());
        assertEquals(AT.plusSeconds(60), sm.expiresAt());
    }
}
