package org.mtcgate.map.tpdu;

/**
 * A concatenation IE's values (TS 23.040 9.2.3.24.1 and 9.2.3.24.8).
 *
 * @param reference 8- or 16-bit reference number
 * @param total     number of parts, 1..255
 * @param sequence  this part, 1..total
 */
public record Concatenation(int reference, int total, int sequence) {
}
