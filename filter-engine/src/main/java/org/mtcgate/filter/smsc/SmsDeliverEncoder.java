package org.mtcgate.filter.smsc;

import java.util.List;

/**
 * Port: the SMS-DELIVER TPDUs (TS 23.040 9.2.2.1) that carry a held SM, one per segment. The domain never looks
 * inside; the encoder names the concatenation reference from the SM's id so that every attempt sends the same.
 */
public interface SmsDeliverEncoder {
    /** @throws IllegalArgumentException when the SM cannot be carried (too long, an alphabet not supported) */
    List<byte[]> encode(HeldSm sm);
}
