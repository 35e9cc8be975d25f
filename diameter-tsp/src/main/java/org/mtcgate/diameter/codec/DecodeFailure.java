package org.mtcgate.diameter.codec;

import java.util.Optional;

/**
 * What the decoder emits instead of a {@link DiameterMessage} when bytes cannot be turned into a
 * message. It only describes the problem; the peer handler decides whether to answer or close.
 *
 * @param header      the message with its header fields and no AVPs, when the 20-octet header was read
 * @param resultCode  the RFC 6733 7.1 code that describes the problem
 * @param failedAvp   the AVP to report in Failed-AVP, if any
 * @param fatal       true when the byte stream can no longer be framed and the connection must close
 * @param reason      text for logs
 */
public record DecodeFailure(Optional<DiameterMessage> header, long resultCode, Optional<Avp> failedAvp,
                            boolean fatal, String reason) {
}
