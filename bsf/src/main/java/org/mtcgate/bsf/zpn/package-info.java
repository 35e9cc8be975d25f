/**
 * Zpn (TS 29.109), GBA Push between a Push-NAF and the BSF: GBAPush-Info-Request/Answer. The BSF side answers with a
 * GPI (this project's profile, gba/PROFILE.md), Ks_NAF and the key expiry; {@link org.mtcgate.bsf.zpn.ZpnClient} is
 * the Push-NAF side. Translates only: the GPI and the keys are {@code org.mtcgate.gba.push}'s.
 */
package org.mtcgate.bsf.zpn;
