/**
 * Diameter message and AVP codec (RFC 6733 3 and 4): immutable {@link org.mtcgate.diameter.codec.DiameterMessage}
 * and {@link org.mtcgate.diameter.codec.Avp} with builders, and the Netty
 * {@link org.mtcgate.diameter.codec.DiameterMessageDecoder} / {@link org.mtcgate.diameter.codec.DiameterMessageEncoder}.
 * The codec only translates bytes: problems are reported as {@link org.mtcgate.diameter.codec.DecodeFailure}
 * and the peer layer decides what to answer.
 */
package org.mtcgate.diameter.codec;
