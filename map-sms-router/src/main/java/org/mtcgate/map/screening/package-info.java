/**
 * Between the SMS TPDU codec and the filter engine: what the filter screens of a decoded TPDU. Kept out of the
 * codec so that the codec, the one a handset's reading is compared with, depends on the JDK alone.
 */
package org.mtcgate.map.screening;
