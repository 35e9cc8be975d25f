package org.mtcgate.gba.push;

import org.mtcgate.gba.bootstrap.Ks;

/**
 * How a GPI is laid out and protected (TS 33.223 5.2/5.3, whose text was not at hand). The BSF builds it with Ks
 * (integrity, and confidentiality of P-TID, gba-facts 3.3); the UE reads the clear part, runs the USIM, then opens it
 * with the Ks it derived. {@link MtcgateGpi1} is this project's profile; a conformant codec replaces it here.
 */
public interface GpiCodec {
    /** The profile's name, as output and docs show it. */
    String name();

    /** The GPI octets, protected under Ks. */
    byte[] encode(Gpi gpi, org.mtcgate.gba.bootstrap.Ks ks);

    /** The clear part of a GPI; nothing authenticated yet. @throws PushRejectedException MALFORMED, saying where */
    SealedGpi read(byte[] octets) throws PushRejectedException;

    /** Checks the MAC under Ks and decrypts P-TID. @throws PushRejectedException MAC, or MALFORMED */
    Gpi open(SealedGpi sealed, Ks ks) throws PushRejectedException;
}
