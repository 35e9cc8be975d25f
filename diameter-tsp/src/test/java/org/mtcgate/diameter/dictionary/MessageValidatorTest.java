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

    /** TS 29.368's grammars are complete: an M-bit AVP they do not name is not understood there (5001). */
    @Test
    void knownMandatoryAvpOutsideTheTspGrammarIs5001AndWithoutTheMBitPasses() {
        Avp vsai = BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.TSP);
        assertEquals(ResultCode.DIAMETER_SUCCESS, code(dar().avp(vsai).build()),
                "Vendor-Specific-Application-Id in a request is tolerated (jDiameter sends it)");
        Avp sirFlags = Avp.builder(AvpCodes.SIR_FLAGS).vendor(VendorIds.TGPP).mandatory().unsigned32(1);
        ValidationError e = validator.validateRequest(dar().avp(sirFlags).build()).orElseThrow();
        assertEquals(ResultCode.DIAMETER_AVP_UNSUPPORTED, e.resultCode());
        assertEquals(sirFlags, e.failedAvp().orElseThrow());
        assertEquals(ResultCode.DIAMETER_MISSING_AVP, code(dar().removeAvps(AvpCodes.AUTH_APPLICATION_ID, 0).build()));
    }

    @Test
    void featureListWithTheMBitIsAccepted() {
        Avp features = Avp.builder(AvpCodes.SUPPORTED_FEATURES).vendor(VendorIds.TGPP).grouped(
                Avp.builder(AvpCodes.VENDOR_ID).mandatory().unsigned32(VendorIds.TGPP),
                Avp.builder(AvpCodes.FEATURE_LIST_ID).vendor(VendorIds.TGPP).mandatory().unsigned32(1),
                Avp.builder(AvpCodes.FEATURE_LIST).vendor(VendorIds.TGPP).mandatory().unsigned32(1));
        assertEquals(ResultCode.DIAMETER_SUCCESS, code(dar().avp(features).build()));
    }

    /** What we send: a DAA with Vendor-Specific-Application-Id breaks the DAA grammar; E-bit answers use 7.2's. */
    @Test
    void outgoingAnswersAreCheckedAgainstTheirGrammar() {
        DiameterMessage request = dar().build();
        Avp notification = Avp.builder(AvpCodes.DEVICE_NOTIFICATION).vendor(VendorIds.TGPP).mandatory().grouped(
                Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(7),
                Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1));
        DiameterMessage.Builder daa = DiameterMessage.answerTo(request).avp(BaseAvps.sessionId("scs.example;1;1"))
                .avp(BaseAvps.authApplicationId(ApplicationIds.TSP)).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost("iwf.operator")).avp(BaseAvps.originRealm("operator"))
                .avp(BaseAvps.resultCode(2001));
        assertEquals(ResultCode.DIAMETER_MISSING_AVP, validator.validateOutgoing(daa.build()).orElseThrow().resultCode(),
                "a DAA without Device-Notification");
        daa.avp(notification);
        assertTrue(validator.validateOutgoing(daa.build()).isEmpty());
        daa.avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.TSP));
        assertEquals(ResultCode.DIAMETER_AVP_UNSUPPORTED, validator.validateOutgoing(daa.build()).orElseThrow().resultCode());
        DiameterMessage error = DiameterMessage.answerTo(request).error(true).avp(BaseAvps.sessionId("scs.example;1;1"))
                .avp(BaseAvps.originHost("iwf.operator")).avp(BaseAvps.originRealm("operator"))
                .avp(BaseAvps.resultCode(3001)).avp(BaseAvps.errorMessage("x")).build();
        assertTrue(validator.validateOutgoing(error).isEmpty());
        assertEquals(ResultCode.DIAMETER_AVP_UNSUPPORTED, validator.validateOutgoing(error.toBuilder()
                .avp(BaseAvps.authSessionState(1)).build()).orElseThrow().resultCode(), "answer-message has no Auth-Session-State");
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
