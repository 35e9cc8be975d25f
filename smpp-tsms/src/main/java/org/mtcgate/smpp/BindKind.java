package org.mtcgate.smpp;

import java.util.Locale;

/** The three SMPP binds (SMPP 3.4 4.1): transmitter submits, receiver takes deliver_sm, transceiver does both. */
public enum BindKind {
    TRANSMITTER,
    RECEIVER,
    TRANSCEIVER;

    public boolean transmits() {
        return this != RECEIVER;
    }

    public boolean receives() {
        return this != TRANSMITTER;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for another name */
    public static BindKind parse(String text) {
        for (BindKind k : values()) {
            if (k.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown bind type '" + text + "' (one of transmitter, receiver, transceiver)");
    }
}
