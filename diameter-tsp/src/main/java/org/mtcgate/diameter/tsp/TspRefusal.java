package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;

/**
 * A DAR this node cannot act on at the Diameter level: an RFC 6733 7.1 result code, the AVP to report in
 * Failed-AVP, and a text for Error-Message.
 */
public record TspRefusal(long resultCode, Avp failedAvp, String message) {
}
