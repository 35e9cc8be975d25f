package org.mtcgate.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;

/**
 * Frames Diameter messages on the 24-bit Message Length (RFC 6733 3) and splits their AVPs.
 * Emits {@link DiameterMessage} or {@link DecodeFailure}; it never answers or closes by itself.
 *
 * <p>The length is checked against {@code maxMessageLength} as soon as the 20-octet header has
 * arrived, so a 16 MB length field costs nothing: the decoder emits a fatal failure and discards
 * all further input instead of accumulating it.
 */
public final class DiameterMessageDecoder extends ByteToMessageDecoder {
    /** RFC 6733 7.1.5 DIAMETER_UNSUPPORTED_VERSION, 5015 DIAMETER_INVALID_MESSAGE_LENGTH, 5014 ... */
    static final long UNSUPPORTED_VERSION = 5011;
    static final long INVALID_MESSAGE_LENGTH = 5015;
    static final long INVALID_AVP_LENGTH = 5014;
    /**
     * RFC 6733 7.1.5 DIAMETER_AVP_OCCURS_TOO_MANY_TIMES for a message with more AVPs than this node takes:
     * the nearest code the RFC has (no 5xxx code says "too many AVPs"); Failed-AVP holds the first AVP
     * beyond the limit, as 5009 prescribes for the first instance over a maximum.
     */
    static final long TOO_MANY_AVPS = 5009;

    private final int maxMessageLength;
    private final int maxAvps;
    private boolean broken;

    public DiameterMessageDecoder(int maxMessageLength) {
        this(maxMessageLength, DecodeLimits.DEFAULT);
    }

    /** Top-level AVPs beyond {@link DecodeLimits#maxAvps()} are refused here; nested ones by the validator. */
    public DiameterMessageDecoder(int maxMessageLength, DecodeLimits limits) {
        if (maxMessageLength < DiameterMessage.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxMessageLength " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
        this.maxAvps = limits.maxAvps();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < DiameterMessage.HEADER_LENGTH) {
            // Every message has a whole header; waiting for it means a refusal can always be answered,
            // however the peer's bytes were split into segments.
            return;
        }
        int start = in.readerIndex();
        int version = in.getUnsignedByte(start);
        int length = in.getUnsignedMedium(start + 1);
        if (version != DiameterMessage.VERSION) {
            // The length of a message of an unknown version cannot be trusted: stop framing.
            fail(in, out, headerIfPresent(in, start), UNSUPPORTED_VERSION, "version " + version);
            return;
        }
        if (length > maxMessageLength) {
            fail(in, out, headerIfPresent(in, start), INVALID_MESSAGE_LENGTH,
                    "length " + length + " above maximum " + maxMessageLength);
            return;
        }
        if (length < DiameterMessage.HEADER_LENGTH || (length & 3) != 0) {
            fail(in, out, headerIfPresent(in, start), INVALID_MESSAGE_LENGTH, "length " + length);
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        DiameterMessage header = readHeader(in, start);
        byte[] body = new byte[length - DiameterMessage.HEADER_LENGTH];
        in.getBytes(start + DiameterMessage.HEADER_LENGTH, body);
        in.skipBytes(length);
        try {
            out.add(header.toBuilder().avps(AvpParser.parse(body, 0, body.length, maxAvps)).build());
        } catch (AvpLimitException e) {
            out.add(new DecodeFailure(Optional.of(header), TOO_MANY_AVPS,
                    Optional.of(e.firstBeyondLimit()), false, e.getMessage()));
        } catch (AvpDecodeException e) {
            // Framing is intact, so the connection can go on after the error answer.
            out.add(new DecodeFailure(Optional.of(header), INVALID_AVP_LENGTH,
                    Optional.of(e.offendingAvp()), false, e.getMessage()));
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!broken && in.isReadable()) {
            out.add(new DecodeFailure(headerIfPresent(in, in.readerIndex()), INVALID_MESSAGE_LENGTH,
                    Optional.empty(), true, "connection closed inside a message (" + in.readableBytes() + " octets)"));
            in.skipBytes(in.readableBytes());
        }
    }

    private void fail(ByteBuf in, List<Object> out, Optional<DiameterMessage> header, long code, String reason) {
        broken = true;
        in.skipBytes(in.readableBytes());
        out.add(new DecodeFailure(header, code, Optional.empty(), true, reason));
    }

    private static Optional<DiameterMessage> headerIfPresent(ByteBuf in, int start) {
        return in.readableBytes() >= DiameterMessage.HEADER_LENGTH
                ? Optional.of(readHeader(in, start)) : Optional.empty();
    }

    private static DiameterMessage readHeader(ByteBuf in, int start) {
        return DiameterMessage.builder()
                .flags(in.getUnsignedByte(start + 4))
                .commandCode(in.getUnsignedMedium(start + 5))
                .applicationId(in.getUnsignedInt(start + 8))
                .hopByHopId(in.getInt(start + 12))
                .endToEndId(in.getInt(start + 16))
                .build();
    }
}
