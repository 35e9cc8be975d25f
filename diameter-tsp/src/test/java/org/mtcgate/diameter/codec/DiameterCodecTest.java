package org.mtcgate.diameter.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;

class DiameterCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    private static DiameterMessage sampleDwr() {
        return DiameterMessage.request(280, 0, false).hopByHopId(0x11223344).endToEndId(0x55667788)
                .avp(BaseAvps.originHost("a.example"))
                .avp(BaseAvps.originRealm("example"))
                .build();
    }

    /** Bytes written by hand from RFC 6733 3 and 4.1 (20 + 17 padded to 20 + 15 padded to 16 = 56). */
    @Test
    void encodesHeaderAndPaddedAvpsExactly() {
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(sampleDwr(), buf);
        String expected = "01000038" + "80000118" + "00000000" + "11223344" + "55667788"
                + "00000108" + "40000011" + HEX.formatHex("a.example".getBytes()) + "000000"
                + "00000128" + "4000000f" + HEX.formatHex("example".getBytes()) + "00";
        assertEquals(expected, HEX.formatHex(ByteBufUtilBytes.of(buf)));
    }

    @Test
    void roundTripsVendorAndGroupedAvps() {
        Avp grouped = Avp.builder(3001).vendor(10415).mandatory()
                .grouped(Avp.builder(3007).vendor(10415).mandatory().unsigned32(42),
                        Avp.builder(3005).vendor(10415).mandatory().unsigned32(1));
        DiameterMessage m = sampleDwr().toBuilder().avp(grouped)
                .avp(BaseAvps.hostIpAddress(InetAddress.getLoopbackAddress())).build();
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096), new DiameterMessageEncoder());
        ch.writeOutbound(m);
        ByteBuf wire = ch.readOutbound();
        ch.writeInbound(wire);
        DiameterMessage back = ch.readInbound();
        assertEquals(m.avps(), back.avps());
        assertEquals(m.hopByHopId(), back.hopByHopId());
        Avp g = back.avp(3001, 10415).orElseThrow();
        assertEquals(42, g.groupedAvps().get(0).unsigned32());
        assertEquals(InetAddress.getLoopbackAddress(),
                AvpData.address(back.avp(AvpCodes.HOST_IP_ADDRESS).orElseThrow().data()));
    }

    @Test
    void framesMessagesSplitAcrossReadsAndCoalesced() {
        ByteBuf one = Unpooled.buffer();
        DiameterMessageEncoder.encode(sampleDwr(), one);
        DiameterMessageEncoder.encode(sampleDwr(), one);
        byte[] all = ByteBufUtilBytes.of(one);
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096));
        ch.writeInbound(Unpooled.wrappedBuffer(all, 0, 7));
        ch.writeInbound(Unpooled.wrappedBuffer(all, 7, all.length - 7));
        assertInstanceOf(DiameterMessage.class, ch.readInbound());
        assertInstanceOf(DiameterMessage.class, ch.readInbound());
    }

    @Test
    void refusesOversizeLengthBeforeBuffering() {
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096));
        // 16 MB - 4 length field: refused as soon as the 20-octet header is in, so it can be answered.
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("01fffffc")));
        assertNull(ch.readInbound(), "no judgement before the header is complete");
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("80000118000000000000000100000001")));
        DecodeFailure f = ch.readInbound();
        assertTrue(f.header().isPresent());
        assertTrue(f.fatal());
        assertEquals(5015, f.resultCode());
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[1000]));
        assertNull(ch.readInbound(), "input after a fatal failure is discarded");
    }

    @Test
    void reportsWrongVersion() {
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096));
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(sampleDwr(), buf);
        buf.setByte(0, 2);
        ch.writeInbound(buf);
        DecodeFailure f = ch.readInbound();
        assertEquals(5011, f.resultCode());
        assertTrue(f.header().isPresent());
    }

    @Test
    void reportsAvpLengthPastEndWithFailedAvp() {
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(sampleDwr(), buf);
        buf.setMedium(20 + 20 + 5, 200); // second AVP claims 200 octets
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096));
        ch.writeInbound(buf);
        DecodeFailure f = ch.readInbound();
        assertEquals(5014, f.resultCode());
        assertTrue(!f.fatal());
        assertEquals(AvpCodes.ORIGIN_REALM, f.failedAvp().orElseThrow().code());
    }

    @Test
    void parsesEmptyGroupedAndRejectsShortHeader() {
        assertEquals(List.of(), AvpParser.parseGrouped(new byte[0]));
        assertArrayEquals(new byte[0], Avp.builder(1).octets(new byte[0]).data());
        try {
            AvpParser.parseGrouped(new byte[] {0, 0, 0, 1, 0});
        } catch (AvpDecodeException e) {
            return;
        }
        throw new AssertionError("expected AvpDecodeException");
    }

    /** Tiny helper so tests read whole buffers without touching ByteBufUtil internals. */
    static final class ByteBufUtilBytes {
        static byte[] of(ByteBuf b) {
            byte[] out = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), out);
            return out;
        }
    }
}
