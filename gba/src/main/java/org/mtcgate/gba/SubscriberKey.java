package org.mtcgate.gba;

/** K, the subscriber's long-term key shared by the USIM and the AuC (TS 33.102 6.3.7). A secret: its text form never shows the octets. */
public final class SubscriberKey extends OctetValue {
    public static final int LENGTH = 16;

    public SubscriberKey(byte[] octets) {
        super(octets, LENGTH, LENGTH, "SubscriberKey");
    }

    public static SubscriberKey ofHex(String hex) {
        return new SubscriberKey(Hex.decode(hex));
    }

    @Override
    public String toString() {
        return "SubscriberKey[secret]";
    }
}
