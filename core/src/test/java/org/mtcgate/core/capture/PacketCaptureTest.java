package org.mtcgate.core.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.peer.WireTap;
import org.mtcgate.map.stack.M3uaTap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketCaptureTest {
    private static final InetSocketAddress NODE = new InetSocketAddress("127.0.0.1", 3868);
    private static final InetSocketAddress SCS = new InetSocketAddress("127.0.0.2", 40001);
    private static final InetSocketAddress NODE_M3UA = new InetSocketAddress("127.0.0.1", 8012);
    private static final InetSocketAddress HLR = new InetSocketAddress("127.0.0.3", 8011);
    /** M3UA ASPUP (RFC 4666 3.5.1): version 1, class 3 (ASPSM), type 1, length 8. */
    private static final byte[] ASPUP = {1, 0, 3, 1, 0, 0, 0, 8};

    @TempDir
    Path dir;

    @Test
    void diameterAndM3uaAreDecodedByTsharkWithGoodChecksumsAndRealAddresses() throws Exception {
        PacketCapture capture = new PacketCapture(Clock.systemUTC());
        Path file = dir.resolve("both.pcapng");
        capture.start(new CaptureSettings(file, CaptureFilter.ALL), false);
        WireTap diameter = capture.diameterTap();
        M3uaTap m3ua = capture.m3uaTap();
        assertTrue(diameter.wanted());
        diameter.seen(true, NODE, SCS, dwr("scs1.example.com", 0x11223344));
        diameter.seen(false, NODE, SCS, dwr("mtc-iwf.example.com", 0x55667788));
        m3ua.seen("hlr", false, NODE_M3UA, HLR, 0, ASPUP);
        String last = capture.stop().orElseThrow();
        assertTrue(last.contains("3 packets"), last);
        assertFalse(diameter.wanted(), "no capture: the taps copy nothing");

        List<String> rows = Tshark.fields(file, null, "ip.src", "ip.dst", "sctp.srcport", "sctp.dstport",
                "sctp.checksum.status", "sctp.data_payload_proto_id", "diameter.cmd.code", "diameter.Origin-Host",
                "diameter.endtoendid", "m3ua.message_class", "m3ua.message_type", "frame.comment");
        assertEquals(List.of(
                "127.0.0.2|127.0.0.1|40001|3868|1|46|280|scs1.example.com|0x11223344|||",
                "127.0.0.1|127.0.0.2|3868|40001|1|46|280|mtc-iwf.example.com|0x55667788|||",
                "127.0.0.1|127.0.0.3|8012|8011|1|3||||3|1|peer hlr"), rows);
        String expert = Tshark.read(file, "-o", "sctp.checksum:CRC-32C", "-z", "expert,warn", "-q");
        assertFalse(expert.contains("Warnings (") || expert.contains("Errors ("), expert);
    }

    @Test
    void aFilterKeepsOnlyWhatItNames() throws Exception {
        PacketCapture capture = new PacketCapture(Clock.systemUTC());
        Path file = dir.resolve("m3ua.pcapng");
        capture.start(new CaptureSettings(file, CaptureFilter.parse(List.of("m3ua", "peer=hlr"))), false);
        capture.diameterTap().seen(true, NODE, SCS, dwr("scs1.example.com", 1));
        capture.m3uaTap().seen("msc", true, NODE_M3UA, HLR, 0, ASPUP);
        capture.m3uaTap().seen("hlr", true, NODE_M3UA, HLR, 0, ASPUP);
        assertTrue(capture.stop().orElseThrow().contains("1 packets"));
        assertEquals(List.of("3|peer hlr"), Tshark.fields(file, null, "sctp.data_payload_proto_id", "frame.comment"));
    }

    @Test
    void theCaptureEndsByItselfAtItsPacketLimit() throws Exception {
        PacketCapture capture = new PacketCapture(Clock.systemUTC());
        Path file = dir.resolve("limited.pcapng");
        capture.start(new CaptureSettings(file, CaptureFilter.ALL, 1 << 20, 2), false);
        for (int i = 0; i < 5; i++) {
            capture.m3uaTap().seen("hlr", true, NODE_M3UA, HLR, 0, ASPUP);
        }
        // The writer ends the capture once it has written the second packet; stop then finds nothing running.
        capture.stop();
        assertEquals(2, Tshark.fields(file, null, "m3ua.message_class").size());
        assertTrue(capture.status().contains("packet limit 2 reached") || capture.status().contains("stopped"),
                capture.status());
    }

    @Test
    void anExistingFileIsNotOverwrittenAndAnUnwritableOneIsRefusedWithoutStartingAnything() throws Exception {
        PacketCapture capture = new PacketCapture(Clock.systemUTC());
        Path existing = Files.writeString(dir.resolve("keep.pcapng"), "precious");
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> capture.start(new CaptureSettings(existing, CaptureFilter.ALL), false));
        assertEquals("precious", Files.readString(existing));
        assertThrows(IOException.class, () -> capture.start(new CaptureSettings(Path.of("/dev/full"), CaptureFilter.ALL), true));
        assertFalse(capture.running());
        assertFalse(capture.diameterTap().wanted());
    }

    @Test
    void filterWordsItDoesNotKnowAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaptureFilter.parse(List.of("diameter", "hlr")));
        assertTrue(e.getMessage().contains("'hlr'"), e.getMessage());
        assertEquals("diameter port=3868", CaptureFilter.parse(List.of("diameter", "port=3868")).describe());
    }

    private static byte[] dwr(String originHost, int endToEnd) {
        DiameterMessage m = DiameterMessage.request(280, 0, false).endToEndId(endToEnd).hopByHopId(7)
                .avp(BaseAvps.originHost(originHost)).avp(BaseAvps.originRealm("example.com")).build();
        ByteBuf b = Unpooled.buffer();
        DiameterMessageEncoder.encode(m, b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
