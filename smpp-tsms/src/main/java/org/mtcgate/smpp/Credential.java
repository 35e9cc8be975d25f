package org.mtcgate.smpp;

/**
 * How an SME's bind password is checked (the node keeps a salted PBKDF2 hash, never the password). Implementations
 * compare in constant time.
 */
@FunctionalInterface
public interface Credential {
    boolean matches(String password);
}
