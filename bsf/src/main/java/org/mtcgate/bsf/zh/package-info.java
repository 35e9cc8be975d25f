/**
 * Zh (TS 29.109), the BSF side: Multimedia-Auth-Request/Answer to an HSS as a
 * {@link org.mtcgate.bsf.VectorSource}. Translates only; the procedure is the bsf package's.
 */
package org.mtcgate.bsf.zh;
