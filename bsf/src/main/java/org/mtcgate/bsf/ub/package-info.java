/**
 * Ub (TS 24.109 4.4): HTTP Digest AKA (RFC 3310) over HTTPS on Netty, translating to {@link org.mtcgate.bsf.Bootstrapping}.
 */
package org.mtcgate.bsf.ub;
