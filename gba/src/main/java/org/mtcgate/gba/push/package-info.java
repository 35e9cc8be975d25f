/**
 * GBA Push (TS 33.223) and a Generic Push Layer (TS 33.224) as this project profiles them. The 3GPP texts of the GPI
 * layout and protection, the GPI envelope (TS 24.109 J.3) and the whole GPL format were not at hand, so every
 * format here is one of this project's named profiles (mtcgate-gpi-1, mtcgate-gpl-1), not a 3GPP format, behind
 * the {@link org.mtcgate.gba.push.GpiCodec}, {@link org.mtcgate.gba.push.GpiEnvelopeCodec} and
 * {@link org.mtcgate.gba.push.GplCipherSuite} interfaces so that a conformant codec can replace it. gba/PROFILE.md
 * documents them field by field.
 */
package org.mtcgate.gba.push;
