/**
 * AVP and command definitions (RFC 6733 base, 3GPP Tsp TS 29.368, S6m TS 29.336, T4 TS 29.337),
 * code constants, {@link org.mtcgate.diameter.dictionary.ResultCode}, and the
 * {@link org.mtcgate.diameter.dictionary.MessageValidator} that maps a malformed request to the
 * RFC 6733 7.1 Result-Code and Failed-AVP.
 */
package org.mtcgate.diameter.dictionary;
