/** T8 device triggering (TS 29.122) over HTTPS: the SCEF's side towards SCS/AS, secured as TS 33.187 5.5 asks. */
package org.mtcgate.t8;
