package org.mtcgate.diameter.dictionary;

/** An AVP is identified by its code and Vendor-Id together (RFC 6733 4.1). */
public record AvpKey(int code, long vendorId) {
    public static AvpKey base(int code) {
        return new AvpKey(code, 0);
    }

    public static AvpKey tgpp(int code) {
        return new AvpKey(code, VendorIds.TGPP);
    }
}
