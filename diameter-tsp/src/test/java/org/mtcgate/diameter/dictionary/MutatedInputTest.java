package org.mtcgate.diameter.dictionary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DecodeFailure;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageDecoder;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;

/**
 * Robustness: thousands of byte-level mutations of a valid Tsp DAR (fixed seed, so reproducible)
 * go through the decoder and the validator. Each must come out as a message (valid or with a
 * Result-Code) or a DecodeFailure, never as an exception.
 */
class MutatedInputTest {
    private final MessageValidator validator = new MessageValidator(StandardDictionary.create());

    @Test
    void mutatedMessagesNeverThrow() {
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(MessageValidatorTest.dar()
                .avp(Avp.builder(AvpCodes.HOST_IP_ADDRESS).mandatory().address(java.net.InetAddress.getLoopbackAddress()))
                .build(), buf);
        byte[] valid = new byte[buf.readableBytes()];
        buf.readBytes(valid);
        Random random = new Random(20260101L);
        int messages = 0;
        int failures = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] m = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(4096));
            ch.writeInbound(Unpooled.wrappedBuffer(m));
            ch.finish();
            Object out;
            while ((out = ch.readInbound()) != null) {
                if (out instanceof DiameterMessage msg) {
                    messages++;
                    validator.validateRequest(msg); // must not throw
                    for (Avp a : msg.avps()) {
                        a.toString();
                    }
                } else {
                    assertTrue(out instanceof DecodeFailure);
                    failures++;
                }
            }
        }
        assertTrue(messages > 1000 && failures > 1000, messages + " messages, " + failures + " failures");
    }
}
