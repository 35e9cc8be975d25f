package org.mtcgate.diameter.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;

class MessageValidatorTest {
    private final MessageValidator validator = new MessageValidator(StandardDictionary.create());

    static DiameterMessage.Builder dar() {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId("scs.example;1;1"))
                .avp(BaseAvps.authApplicationId(ApplicationIds.TSP)).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost("scs.example"))
                .avp(BaseAvps.originRealm("example"))
                .avp(BaseAvps.destinationRealm("operator"))
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(7),
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)));
    }

    private ResultCode code(DiameterMessage m) {
        Optional<ValidationError> e = validator.validateRequest(m);
        return e.map(ValidationError::resultCode).orElse(ResultCode.DIAMETER_SUCCESS);
    }

    @Test
    void acceptsWellFormedDar() {
        assertEquals(ResultCode.DIAMETER_SUCCESS, code(dar().build()));
    }

    @Test
    void unknownMandatoryAvpIs5001WithFailedAvp() {
        Avp unknown = Avp.builder(99999).mandatory().utf8("x");
        ValidationError e = validator.validateRequest(dar().avp(unknown).build()).orElseThrow();
        assertEquals(ResultCode.DIAMETER_AVP_UNSUPPORTED, e.resultCode());
        assertEquals(unknown, e.failedAvp().orElseThrow());
    }

    @Test
    void unknownOptionalAvpIsIgnored() {
        assertEquals(ResultCode.DIAMETER_SUCCESS, code(dar().avp(Avp.builder(99999).utf8("x")).build()));
    }

    @Test
    void missingAvpIs5005NamingTheAvp() {
        DiameterMessage m = dar().removeAvps(AvpCodes.DESTINATION_REALM, 0).build();
        ValidationError e = validator.validateRequest(m).orElseThrow();
        assertEquals(ResultCode.DIAMETER_MISSING_AVP, e.resultCode());
        assertEquals(AvpCodes.DESTINATION_REALM, e.failedAvp().orElseThrow().code());
    }

    @Test
    void missingAvpInsideGroupedIs5005() {
        DiameterMessage m = dar().removeAvps(AvpCodes.DEVICE_ACTION, VendorIds.TGPP)
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)))
                .build();
        ValidationError e = validator.validateRequest(m).orElseThrow();
        assertEquals(ResultCode.DIAMETER_MISSING_AVP, e.resultCode());
        assertEquals(AvpCodes.REFERENCE_NUMBER, e.failedAvp().orElseThrow().code());
        assertEquals(VendorIds.TGPP, e.failedAvp().orElseThrow().vendorId());
        assertEquals(4, e.failedAvp().orElseThrow().dataLength());
    }

    @Test
    void tooManyIs5009AndForbiddenIs5008() {
        assertEquals(ResultCode.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES,
                code(dar().avp(BaseAvps.originRealm("again")).build()));
        assertEquals(ResultCode.DIAMETER_AVP_NOT_ALLOWED, code(dar().avp(BaseAvps.resultCode(2001)).build()));
    }

    @Test
    void badValuesAre5004AndBadLengthsAre5014() {
        assertEquals(ResultCode.DIAMETER_INVALID_AVP_VALUE,
                code(dar().removeAvps(AvpCodes.AUTH_SESSION_STATE, 0).avp(BaseAvps.authSessionState(7)).build()));
        assertEquals(ResultCode.DIAMETER_INVALID_AVP_LENGTH, code(dar().removeAvps(AvpCodes.AUTH_SESSION_STATE, 0)
                .avp(Avp.builder(AvpCodes.AUTH_SESSION_STATE).mandatory().octets(new byte[5])).build()));
        assertEquals(ResultCode.DIAMETER_INVALID_AVP_VALUE, code(dar().removeAvps(AvpCodes.ORIGIN_HOST, 0)
                .avp(Avp.builder(AvpCodes.ORIGIN_HOST).mandatory().utf8("has space")).build()));
    }

    @Test
    void flagProblemsAre3008And3009() {
        assertEquals(ResultCode.DIAMETER_INVALID_HDR_BITS, code(dar().flags(0x80).build()), "DAR without P bit");
        assertEquals(ResultCode.DIAMETER_INVALID_HDR_BITS, code(dar().flags(0xC1).build()), "reserved bit");
        assertEquals(ResultCode.DIAMETER_INVALID_AVP_BITS,
                code(dar().avp(Avp.builder(AvpCodes.ORIGIN_STATE_ID).flags(0x41).unsigned32(1)).build()));
        assertEquals(ResultCode.DIAMETER_INVALID_AVP_BITS,
                code(dar().avp(Avp.builder(AvpCodes.PRODUCT_NAME).mandatory().utf8("x")).build()),
                "Product-Name MUST NOT have the M bit");
    }

    @Test
    void unknownCommandAndApplication() {
        assertEquals(ResultCode.DIAMETER_COMMAND_UNSUPPORTED,
                code(dar().commandCode(8388999).build()));
        assertEquals(ResultCode.DIAMETER_APPLICATION_UNSUPPORTED, code(dar().applicationId(4).build()));
    }

    @Test
    void dictionaryKnowsTheTspS6mT4Names() {
        Dictionary d = StandardDictionary.create();
        assertEquals(AvpCodes.DEVICE_ACTION, d.avpByName("Device-Action").orElseThrow().code());
        assertEquals(AvpType.ENUMERATED, d.avpByName("Request-Status").orElseThrow().type());
        assertTrue(d.command(ApplicationIds.S6M, CommandCodes.SUBSCRIBER_INFORMATION).isPresent());
        assertTrue(d.command(ApplicationIds.T4, CommandCodes.DELIVERY_REPORT).isPresent());
    }
}
