package org.mtcgate.diameter.dictionary;

/** IANA enterprise numbers used as Diameter Vendor-Id. */
public final class VendorIds {
    public static final long IETF = 0;
    public static final long TGPP = 10415;

    private VendorIds() {
    }
}
