package org.mtcgate.diameter.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.mtcgate.diameter.codec.CompactMessage;
import org.mtcgate.diameter.codec.DecodeFailure;
import org.mtcgate.diameter.codec.DecodeLimits;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageDecoder;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.MessageValidator;
import org.mtcgate.diameter.dictionary.StandardDictionary;
import org.mtcgate.diameter.dictionary.ValidationError;
import org.mtcgate.diameter.tsp.DeviceActionDecoder;

/**
 * What the node does with bytes from a peer before any application logic: frame and split (the decoder),
 * validate against the dictionary, build the error answer, and read a DAR. Properties checked on any input:
 * nothing throws (a Throwable is a finding, a StackOverflowError included); a decode failure carries one of
 * the documented RFC 6733 codes; an error answer can be encoded; a decoded message survives encode/decode
 * and the duplicate cache's compact form unchanged.
 *
 * <p>Used by {@link DiameterInputFuzzTest} (JUnit, seed replay in every build) and by
 * {@code scripts/fuzz-diameter} (Jazzer's libFuzzer driver, {@code fuzzerTestOneInput}).
 */
public final class DiameterInputFuzzTarget {
    /** The decoder's failures: 5009 too many AVPs, 5011 version, 5014 AVP length, 5015 message length. */
    private static final Set<Long> DECODE_CODES = Set.of(5009L, 5011L, 5014L, 5015L);
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final MessageValidator VALIDATOR = new MessageValidator(StandardDictionary.create(), DecodeLimits.DEFAULT);

    private DiameterInputFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        EmbeddedChannel ch = new EmbeddedChannel(new DiameterMessageDecoder(MAX_MESSAGE, DecodeLimits.DEFAULT));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(input));
            ch.finish();
            for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
                if (o instanceof DecodeFailure f) {
                    check(DECODE_CODES.contains(f.resultCode()), "undocumented decode failure " + f);
                } else {
                    examine((DiameterMessage) o);
                }
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static void examine(DiameterMessage m) {
        Optional<ValidationError> error = m.isRequest() ? VALIDATOR.validateRequest(m) : Optional.empty();
        if (error.isPresent()) {
            // The refusal must be encodable: Failed-AVP echoes bytes the peer chose.
            DiameterMessage.Builder answer = DiameterMessage.answerTo(m).avp(BaseAvps.resultCode(error.get().resultCode().code()));
            error.get().failedAvp().ifPresent(f -> answer.avp(BaseAvps.failedAvp(f)));
            encode(answer.build());
        } else if (m.isRequest() && m.applicationId() == ApplicationIds.TSP && m.commandCode() == CommandCodes.DEVICE_ACTION) {
            check(DeviceActionDecoder.decode(m, "scs.fuzz.test") != null, "no decode result");
        }
        byte[] once = encode(m);
        EmbeddedChannel again = new EmbeddedChannel(new DiameterMessageDecoder(Integer.MAX_VALUE >>> 7, new DecodeLimits(8, Integer.MAX_VALUE)));
        try {
            again.writeInbound(Unpooled.wrappedBuffer(once));
            Object back = again.readInbound();
            check(back instanceof DiameterMessage, "re-encoded message does not decode: " + back);
            check(Arrays.equals(once, encode((DiameterMessage) back)), "encode/decode changed the message");
        } finally {
            again.finishAndReleaseAll();
        }
        check(Arrays.equals(once, encode(CompactMessage.of(m).withHopByHop(m.hopByHopId()))),
                "compact form changed the message");
    }

    private static byte[] encode(DiameterMessage m) {
        ByteBuf b = Unpooled.buffer();
        try {
            DiameterMessageEncoder.encode(m, b);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
