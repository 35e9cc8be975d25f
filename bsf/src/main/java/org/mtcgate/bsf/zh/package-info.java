/**
 * Zh (TS 29.109), the BSF side: the BSF's {@link org.mtcgate.bsf.VectorSource} over Multimedia-Auth to an HSS that
 * is another node. Translates only.
 */
package org.mtcgate.bsf.zh;
