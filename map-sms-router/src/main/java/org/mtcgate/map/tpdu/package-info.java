/**
 * SMS transfer-layer TPDU codec (TS 23.040 clause 9.2): immutable records for SMS-DELIVER, SMS-STATUS-REPORT,
 * SMS-SUBMIT and SMS-COMMAND and their fields, and {@link org.mtcgate.map.tpdu.TpduCodec}, which only translates
 * octets; its strict entry points {@code decodeMt}/{@code decodeMo} take only canonically encoded TPDUs of their
 * direction. It uses only the JDK: no jSS7 types, and no filter types (the MAP layers above say what the filter
 * screens of a TPDU).
 */
package org.mtcgate.map.tpdu;
