package org.mtcgate.map.tpdu;

/**
 * Application port addressing from the UDH (TS 23.040 9.2.3.24.3 and 9.2.3.24.4).
 *
 * @param destinationPort port of the receiving application
 * @param originatorPort  port of the sending application
 * @param sixteenBit      true for IEI 0x05, false for IEI 0x04
 */
public record ApplicationPort(int destinationPort, int originatorPort, boolean sixteenBit) {
}
