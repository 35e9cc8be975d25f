package org.mtcgate.t8;

/**
 * Port: checks an OAuth client secret against what the operator configured (a salted hash, never the secret).
 * Slow on purpose (a password hash): never called on an event loop.
 */
public interface ClientSecrets {
    boolean matches(String scsAsId, char[] secret);
}
