package org.mtcgate.filter;

/**
 * One part of a concatenated SM (TS 23.040 9.2.3.24.1 and 9.2.3.24.8, UDH IEI 0x00 with an 8-bit and 0x08 with
 * a 16-bit reference): the handset joins the parts with the same reference and total from the same originator.
 *
 * @param reference the concatenated short message reference number, 0..65535
 * @param total     the maximum number of short messages in the concatenated SM, 1..255
 * @param sequence  this part's sequence number, 1..total
 */
public record Segment(int reference, int total, int sequence) {
    public Segment {
        if (reference < 0 || reference > 0xFFFF) {
            throw new IllegalArgumentException("reference " + reference + " is out of 0..65535");
        }
        if (total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + " of " + total + " is not a valid segment");
        }
    }
}
