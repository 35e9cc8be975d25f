package org.mtcgate.diameter.codec;

import java.nio.ByteBuffer;

/**
 * A message kept for a long time as its header fields and one array of encoded AVPs, instead of an object per
 * AVP: answers remembered for duplicate detection cost a tenth of the heap, and the garbage collector copies one
 * array rather than a graph. The Hop-by-Hop Identifier is left out: a resent answer takes the new request's.
 */
public final class CompactMessage {
    private final int flags;
    private final int commandCode;
    private final long applicationId;
    private final int endToEndId;
    private final byte[] avps;

    private CompactMessage(DiameterMessage m) {
        this.flags = m.flags();
        this.commandCode = m.commandCode();
        this.applicationId = m.applicationId();
        this.endToEndId = m.endToEndId();
        ByteBuffer out = ByteBuffer.allocate(m.length() - DiameterMessage.HEADER_LENGTH);
        for (Avp a : m.avps()) {
            AvpWriter.write(a, out);
        }
        this.avps = out.array();
    }

    public static CompactMessage of(DiameterMessage m) {
        return new CompactMessage(m);
    }

    /** The message again, with the given Hop-by-Hop Identifier. */
    public DiameterMessage withHopByHop(int hopByHopId) {
        return DiameterMessage.builder().flags(flags).commandCode(commandCode).applicationId(applicationId)
                .hopByHopId(hopByHopId).endToEndId(endToEndId).avps(AvpParser.parse(avps, 0, avps.length)).build();
    }
}
