/**
 * SMS transfer-layer TPDU codec (TS 23.040 clause 9.2): immutable records for SMS-DELIVER and SMS-SUBMIT and
 * their fields, and {@link org.mtcgate.map.tpdu.TpduCodec}, which only translates octets. No jSS7 types.
 */
package org.mtcgate.map.tpdu;
