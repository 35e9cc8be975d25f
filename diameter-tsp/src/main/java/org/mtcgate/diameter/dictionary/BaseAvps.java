package org.mtcgate.diameter.dictionary;

import java.net.InetAddress;
import org.mtcgate.diameter.codec.Avp;

/** Factories for base protocol AVPs with the flag bits RFC 6733 4.5 prescribes. */
public final class BaseAvps {
    private BaseAvps() {
    }

    public static Avp sessionId(String id) {
        return Avp.builder(AvpCodes.SESSION_ID).mandatory().utf8(id);
    }

    public static Avp originHost(String host) {
        return Avp.builder(AvpCodes.ORIGIN_HOST).mandatory().utf8(host);
    }

    public static Avp originRealm(String realm) {
        return Avp.builder(AvpCodes.ORIGIN_REALM).mandatory().utf8(realm);
    }

    public static Avp destinationHost(String host) {
        return Avp.builder(AvpCodes.DESTINATION_HOST).mandatory().utf8(host);
    }

    public static Avp destinationRealm(String realm) {
        return Avp.builder(AvpCodes.DESTINATION_REALM).mandatory().utf8(realm);
    }

    public static Avp resultCode(long code) {
        return Avp.builder(AvpCodes.RESULT_CODE).mandatory().unsigned32(code);
    }

    public static Avp hostIpAddress(InetAddress address) {
        return Avp.builder(AvpCodes.HOST_IP_ADDRESS).mandatory().address(address);
    }

    public static Avp vendorId(long vendor) {
        return Avp.builder(AvpCodes.VENDOR_ID).mandatory().unsigned32(vendor);
    }

    public static Avp supportedVendorId(long vendor) {
        return Avp.builder(AvpCodes.SUPPORTED_VENDOR_ID).mandatory().unsigned32(vendor);
    }

    public static Avp productName(String name) {
        return Avp.builder(AvpCodes.PRODUCT_NAME).utf8(name);
    }

    public static Avp firmwareRevision(long rev) {
        return Avp.builder(AvpCodes.FIRMWARE_REVISION).unsigned32(rev);
    }

    public static Avp originStateId(long id) {
        return Avp.builder(AvpCodes.ORIGIN_STATE_ID).mandatory().unsigned32(id);
    }

    public static Avp authApplicationId(long app) {
        return Avp.builder(AvpCodes.AUTH_APPLICATION_ID).mandatory().unsigned32(app);
    }

    /** RFC 6733 6.11 Vendor-Specific-Application-Id { Vendor-Id } [ Auth-Application-Id ]. */
    public static Avp vendorSpecificAuthApplication(long vendor, long app) {
        return Avp.builder(AvpCodes.VENDOR_SPECIFIC_APPLICATION_ID).mandatory()
                .grouped(vendorId(vendor), authApplicationId(app));
    }

    public static Avp inbandSecurityId(long id) {
        return Avp.builder(AvpCodes.INBAND_SECURITY_ID).mandatory().unsigned32(id);
    }

    public static Avp authSessionState(long state) {
        return Avp.builder(AvpCodes.AUTH_SESSION_STATE).mandatory().unsigned32(state);
    }

    public static Avp disconnectCause(long cause) {
        return Avp.builder(AvpCodes.DISCONNECT_CAUSE).mandatory().unsigned32(cause);
    }

    public static Avp errorMessage(String text) {
        return Avp.builder(AvpCodes.ERROR_MESSAGE).utf8(text);
    }

    /** RFC 6733 7.5 Failed-AVP wrapping the offending AVP(s). */
    public static Avp failedAvp(Avp offending) {
        return Avp.builder(AvpCodes.FAILED_AVP).mandatory().grouped(offending);
    }
}
