/**
 * Zh (TS 29.109), the HSS side: Multimedia-Auth-Request/Answer between a BSF and this node's HSS, answered with
 * an AKA vector from the gba module and, when the BSF reports a synchronisation failure, after re-synchronising
 * SQN. Translates only: what a vector is and how SQN moves is {@code org.mtcgate.gba.aka}'s.
 */
package org.mtcgate.diameter.zh;
