/**
 * Zn (TS 29.109), the BSF side: Bootstrapping-Info-Request/Answer from NAFs, answered from the bootstrapping
 * contexts with NAF keys. Translates only; the contexts and the key derivation are the bsf and gba modules'.
 */
package org.mtcgate.bsf.zn;
