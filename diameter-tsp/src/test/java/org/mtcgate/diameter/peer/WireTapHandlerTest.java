package org.mtcgate.diameter.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.BaseAvps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireTapHandlerTest {
    private final List<byte[]> received = new ArrayList<>();
    private final List<byte[]> sent = new ArrayList<>();
    private boolean wanted = true;

    private final WireTap tap = new WireTap() {
        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public void seen(boolean in, InetSocketAddress local, InetSocketAddress remote, byte[] message) {
            (in ? received : sent).add(message);
        }
    };

    @Test
    void wholeMessagesAreSeenHoweverTheStreamIsCutAndWhatPassesIsUnchanged() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireTapHandler(tap, 65536));
        byte[] a = dwr("a.example", 1);
        byte[] b = dwr("bb.example", 2);
        byte[] c = dwr("ccc.example", 3);
        byte[] stream = concat(a, b, c);
        // cuts inside the 4 octets of a length, inside a body, and two messages in one read
        int[] cuts = {2, 3, a.length + 10, stream.length};
        int at = 0;
        List<byte[]> passed = new ArrayList<>();
        for (int cut : cuts) {
            ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, at, cut)));
            at = cut;
        }
        for (ByteBuf in; (in = ch.readInbound()) != null; ) {
            byte[] bytes = new byte[in.readableBytes()];
            in.readBytes(bytes);
            in.release();
            passed.add(bytes);
        }
        assertArrayEquals(stream, concat(passed.toArray(byte[][]::new)), "the decoder gets every octet as it came");
        assertEquals(3, received.size());
        assertArrayEquals(a, received.get(0));
        assertArrayEquals(b, received.get(1));
        assertArrayEquals(c, received.get(2));

        ch.writeOutbound(Unpooled.wrappedBuffer(b));
        assertEquals(1, sent.size());
        assertArrayEquals(b, sent.get(0));
        ((ByteBuf) ch.readOutbound()).release();
        ch.finishAndReleaseAll();
    }

    @Test
    void nothingIsCopiedWhileUnwantedAndFramingFollowsAnyway() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireTapHandler(tap, 65536));
        byte[] a = dwr("a.example", 1);
        byte[] b = dwr("b.example", 2);
        wanted = false;
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(a, 30)));
        wanted = true; // from here: the rest of a is not copied, b is
        ch.writeInbound(Unpooled.wrappedBuffer(concat(Arrays.copyOfRange(a, 30, a.length), b)));
        assertEquals(1, received.size());
        assertArrayEquals(b, received.get(0));
        ch.finishAndReleaseAll();
    }

    @Test
    void aStreamThatCannotBeFramedIsPassedOnAndNoLongerWatched() {
        EmbeddedChannel ch = new EmbeddedChannel(new WireTapHandler(tap, 64));
        byte[] tooLong = dwr("a-host-name-long-enough-to-pass-64-octets.example", 1);
        assertTrue(tooLong.length > 64);
        ch.writeInbound(Unpooled.wrappedBuffer(concat(tooLong, dwr("b", 2))));
        assertEquals(0, received.size());
        ByteBuf passed = ch.readInbound();
        assertEquals(tooLong.length + dwr("b", 2).length, passed.readableBytes());
        passed.release();
        ch.finishAndReleaseAll();
    }

    private static byte[] dwr(String host, int endToEnd) {
        DiameterMessage m = DiameterMessage.request(280, 0, false).endToEndId(endToEnd)
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm("example")).build();
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(m, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
