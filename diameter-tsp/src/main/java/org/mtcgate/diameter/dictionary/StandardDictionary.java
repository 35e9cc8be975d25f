package org.mtcgate.diameter.dictionary;

import static org.mtcgate.diameter.dictionary.AvpCodes.*;
import static org.mtcgate.diameter.dictionary.AvpRule.any;
import static org.mtcgate.diameter.dictionary.AvpRule.forbidden;
import static org.mtcgate.diameter.dictionary.AvpRule.oneOrMore;
import static org.mtcgate.diameter.dictionary.AvpRule.optional;
import static org.mtcgate.diameter.dictionary.AvpRule.required;
import static org.mtcgate.diameter.dictionary.AvpType.*;
import static org.mtcgate.diameter.dictionary.FlagRule.MAY;
import static org.mtcgate.diameter.dictionary.FlagRule.MUST;
import static org.mtcgate.diameter.dictionary.FlagRule.MUST_NOT;

import java.util.ArrayList;
import java.util.List;

/**
 * The base protocol (RFC 6733 4.5, 5, 10) plus Tsp (TS 29.368), S6m (TS 29.336), T4 (TS 29.337), the
 * MT-Forward-Short-Message command of SGd (TS 29.338), Zh, Zn and Zpn (TS 29.109).
 * Grammars of the 3GPP commands list the AVPs this node relies on; the rest pass through *[AVP].
 * Codes, types and M-bit rules were cross-checked against Wireshark 4.0.17's dictionary.xml;
 * where neither source states an M-bit rule the entry says MAY, so no peer is refused with 3009
 * on a guess (see NOTES-for-integration.md).
 */
public final class StandardDictionary {
    private static final long V = VendorIds.TGPP;

    private StandardDictionary() {
    }

    public static Dictionary create() {
        Dictionary.Builder b = Dictionary.builder();
        baseAvps(b);
        DoicAvps.define(b);
        tgppAvps(b);
        zhAvps(b);
        znAvps(b);
        zpnAvps(b);
        baseCommands(b);
        tgppCommands(b);
        zhCommands(b);
        znCommands(b);
        zpnCommands(b);
        return b.build();
    }

    private static AvpKey k(int code) {
        return AvpKey.base(code);
    }

    private static AvpKey g(int code) {
        return AvpKey.tgpp(code);
    }

    private static void baseAvps(Dictionary.Builder b) {
        b.avp(USER_NAME, 0, "User-Name", UTF8_STRING, MUST)
         .avp(CLASS, 0, "Class", OCTET_STRING, MUST)
         .avp(SESSION_TIMEOUT, 0, "Session-Timeout", UNSIGNED32, MUST)
         .avp(PROXY_STATE, 0, "Proxy-State", OCTET_STRING, MUST)
         .avp(ACCT_SESSION_ID, 0, "Acct-Session-Id", OCTET_STRING, MUST)
         .avp(ACCT_MULTI_SESSION_ID, 0, "Acct-Multi-Session-Id", UTF8_STRING, MUST)
         .avp(EVENT_TIMESTAMP, 0, "Event-Timestamp", TIME, MUST)
         .avp(ACCT_INTERIM_INTERVAL, 0, "Acct-Interim-Interval", UNSIGNED32, MUST)
         .avp(HOST_IP_ADDRESS, 0, "Host-IP-Address", ADDRESS, MUST)
         .avp(AUTH_APPLICATION_ID, 0, "Auth-Application-Id", UNSIGNED32, MUST)
         .avp(ACCT_APPLICATION_ID, 0, "Acct-Application-Id", UNSIGNED32, MUST)
         // RFC 6733 6.11: Vendor-Id plus exactly one of Auth-/Acct-Application-Id.
         .grouped(VENDOR_SPECIFIC_APPLICATION_ID, 0, "Vendor-Specific-Application-Id", MUST, false,
                 required(k(VENDOR_ID)), optional(k(AUTH_APPLICATION_ID)), optional(k(ACCT_APPLICATION_ID)))
         .enumerated(REDIRECT_HOST_USAGE, 0, "Redirect-Host-Usage", MUST, 0L, 1L, 2L, 3L, 4L, 5L, 6L)
         .avp(REDIRECT_MAX_CACHE_TIME, 0, "Redirect-Max-Cache-Time", UNSIGNED32, MUST)
         .avp(SESSION_ID, 0, "Session-Id", UTF8_STRING, MUST)
         .avp(ORIGIN_HOST, 0, "Origin-Host", DIAMETER_IDENTITY, MUST)
         .avp(SUPPORTED_VENDOR_ID, 0, "Supported-Vendor-Id", UNSIGNED32, MUST)
         .avp(VENDOR_ID, 0, "Vendor-Id", UNSIGNED32, MUST)
         .avp(FIRMWARE_REVISION, 0, "Firmware-Revision", UNSIGNED32, MUST_NOT)
         .avp(RESULT_CODE, 0, "Result-Code", UNSIGNED32, MUST)
         .avp(PRODUCT_NAME, 0, "Product-Name", UTF8_STRING, MUST_NOT)
         .avp(SESSION_BINDING, 0, "Session-Binding", UNSIGNED32, MUST)
         .enumerated(SESSION_SERVER_FAILOVER, 0, "Session-Server-Failover", MUST, 0L, 1L, 2L, 3L)
         .avp(MULTI_ROUND_TIME_OUT, 0, "Multi-Round-Time-Out", UNSIGNED32, MUST)
         // RFC 6733 5.4.3: REBOOTING, BUSY, DO_NOT_WANT_TO_TALK_TO_YOU
         .enumerated(DISCONNECT_CAUSE, 0, "Disconnect-Cause", MUST, 0L, 1L, 2L)
         .enumerated(AUTH_REQUEST_TYPE, 0, "Auth-Request-Type", MUST, 1L, 2L, 3L)
         .avp(AUTH_GRACE_PERIOD, 0, "Auth-Grace-Period", UNSIGNED32, MUST)
         .enumerated(AUTH_SESSION_STATE, 0, "Auth-Session-State", MUST, 0L, 1L)
         .avp(ORIGIN_STATE_ID, 0, "Origin-State-Id", UNSIGNED32, MUST)
         // Failed-AVP carries arbitrary AVPs, so its children are never validated.
         .grouped(FAILED_AVP, 0, "Failed-AVP", MUST, true)
         .avp(PROXY_HOST, 0, "Proxy-Host", DIAMETER_IDENTITY, MUST)
         .avp(ERROR_MESSAGE, 0, "Error-Message", UTF8_STRING, MUST_NOT)
         .avp(ROUTE_RECORD, 0, "Route-Record", DIAMETER_IDENTITY, MUST)
         .avp(DESTINATION_REALM, 0, "Destination-Realm", DIAMETER_IDENTITY, MUST)
         .grouped(PROXY_INFO, 0, "Proxy-Info", MUST, true, required(k(PROXY_HOST)), required(k(PROXY_STATE)))
         .enumerated(RE_AUTH_REQUEST_TYPE, 0, "Re-Auth-Request-Type", MUST, 0L, 1L)
         .avp(ACCOUNTING_SUB_SESSION_ID, 0, "Accounting-Sub-Session-Id", UNSIGNED64, MUST)
         .avp(AUTHORIZATION_LIFETIME, 0, "Authorization-Lifetime", UNSIGNED32, MUST)
         .avp(REDIRECT_HOST, 0, "Redirect-Host", DIAMETER_URI, MUST)
         .avp(DESTINATION_HOST, 0, "Destination-Host", DIAMETER_IDENTITY, MUST)
         .avp(ERROR_REPORTING_HOST, 0, "Error-Reporting-Host", DIAMETER_IDENTITY, MUST_NOT)
         .enumerated(TERMINATION_CAUSE, 0, "Termination-Cause", MUST)
         .avp(ORIGIN_REALM, 0, "Origin-Realm", DIAMETER_IDENTITY, MUST)
         .grouped(EXPERIMENTAL_RESULT, 0, "Experimental-Result", MUST, false,
                 required(k(VENDOR_ID)), required(k(EXPERIMENTAL_RESULT_CODE)))
         .avp(EXPERIMENTAL_RESULT_CODE, 0, "Experimental-Result-Code", UNSIGNED32, MUST)
         // RFC 6733 6.10: NO_INBAND_SECURITY 0, TLS 1. The table says M; jDiameter's TLS client sends it with the M
         // bit clear, and refusing its CER for that would leave in-band TLS without its main user: accept both.
         .enumerated(INBAND_SECURITY_ID, 0, "Inband-Security-Id", MAY, 0L, 1L)
         .enumerated(DRMP, 0, "DRMP", MAY)
         .avp(VALIDITY_TIME, 0, "Validity-Time", UNSIGNED32, MUST)
         .enumerated(ACCOUNTING_RECORD_TYPE, 0, "Accounting-Record-Type", MUST, 1L, 2L, 3L, 4L)
         .enumerated(ACCOUNTING_REALTIME_REQUIRED, 0, "Accounting-Realtime-Required", MUST, 1L, 2L, 3L)
         .avp(ACCOUNTING_RECORD_NUMBER, 0, "Accounting-Record-Number", UNSIGNED32, MUST)
         .grouped(LOAD, 0, "Load", MAY, true);
    }

    private static void tgppAvps(Dictionary.Builder b) {
        b.grouped(SUPPORTED_FEATURES, V, "Supported-Features", MAY, true,
                        required(k(VENDOR_ID)), required(g(FEATURE_LIST_ID)), required(g(FEATURE_LIST)))
         // TS 29.229 6.3.30/31 clear the M bit; Wireshark's dictionary and some peers set it: accept both.
         .avp(FEATURE_LIST_ID, V, "Feature-List-ID", UNSIGNED32, MAY)
         .avp(FEATURE_LIST, V, "Feature-List", UNSIGNED32, MAY)
         .avp(MSISDN, V, "MSISDN", OCTET_STRING, MUST)
         .avp(SGSN_NUMBER, V, "SGSN-Number", OCTET_STRING, MAY)
         .avp(LMSI, V, "LMSI", OCTET_STRING, MAY)
         .grouped(SERVING_NODE, V, "Serving-Node", MAY, true)
         .avp(MME_NAME, V, "MME-Name", DIAMETER_IDENTITY, MAY)
         .avp(MSC_NUMBER, V, "MSC-Number", OCTET_STRING, MAY)
         .grouped(ADDITIONAL_SERVING_NODE, V, "Additional-Serving-Node", MAY, true)
         .grouped(DEVICE_ACTION, V, "Device-Action", MUST, true,
                 optional(g(EXTERNAL_IDENTIFIER)), optional(g(MSISDN)), optional(g(SCS_IDENTITY)),
                 required(g(REFERENCE_NUMBER)), optional(g(OLD_REFERENCE_NUMBER)), required(g(ACTION_TYPE)),
                 optional(g(TRIGGER_DATA)), optional(k(VALIDITY_TIME)))
         .grouped(DEVICE_NOTIFICATION, V, "Device-Notification", MUST, true,
                 optional(g(EXTERNAL_IDENTIFIER)), optional(g(MSISDN)), optional(g(SCS_IDENTITY)),
                 required(g(REFERENCE_NUMBER)), required(g(ACTION_TYPE)), optional(g(REQUEST_STATUS)),
                 optional(g(MTC_ERROR_DIAGNOSTIC)), optional(g(DELIVERY_OUTCOME)), optional(g(SM_RP_UI)),
                 optional(g(APPLICATION_PORT_IDENTIFIER)))
         .grouped(TRIGGER_DATA, V, "Trigger-Data", MUST, true,
                 required(g(PAYLOAD)), optional(g(PRIORITY_INDICATION)), optional(g(APPLICATION_PORT_IDENTIFIER)))
         .avp(PAYLOAD, V, "Payload", OCTET_STRING, MUST)
         .enumerated(ACTION_TYPE, V, "Action-Type", MUST, 1L, 2L, 3L, 4L, 5L)
         .enumerated(PRIORITY_INDICATION, V, "Priority-Indication", MUST, 0L, 1L)
         .avp(REFERENCE_NUMBER, V, "Reference-Number", UNSIGNED32, MUST)
         .enumerated(REQUEST_STATUS, V, "Request-Status", MUST,
                 0L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L, 110L, 111L, 112L, 201L)
         .enumerated(DELIVERY_OUTCOME, V, "Delivery-Outcome", MUST, 0L, 1L, 2L, 3L, 4L)
         .avp(APPLICATION_PORT_IDENTIFIER, V, "Application-Port-Identifier", UNSIGNED32, MUST)
         // TS 29.368 6.4: Old-Reference-Number has the M bit clear.
         .avp(OLD_REFERENCE_NUMBER, V, "Old-Reference-Number", UNSIGNED32, MUST_NOT)
         .avp(FEATURE_SUPPORTED_IN_FINAL_TARGET, V, "Feature-Supported-In-Final-Target", UNSIGNED32, MAY)
         .grouped(USER_IDENTIFIER, V, "User-Identifier", MUST, true,
                 optional(k(USER_NAME)), optional(g(MSISDN)), optional(g(EXTERNAL_IDENTIFIER)), optional(g(LMSI)))
         .enumerated(SERVICE_ID, V, "Service-ID", MUST, 0L, 1L)
         .avp(SCS_IDENTITY, V, "SCS-Identity", OCTET_STRING, MUST)
         .grouped(SERVICE_PARAMETERS, V, "Service-Parameters", MUST, true)
         .grouped(T4_PARAMETERS, V, "T4-Parameters", MUST, true,
                 optional(g(PRIORITY_INDICATION)), optional(g(SM_RP_SMEA)))
         .grouped(SERVICE_DATA, V, "Service-Data", MUST, true)
         .grouped(T4_DATA, V, "T4-Data", MUST, true)
         .avp(HSS_CAUSE, V, "HSS-Cause", UNSIGNED32, MUST)
         .avp(SIR_FLAGS, V, "SIR-Flags", UNSIGNED32, MUST)
         .avp(EXTERNAL_IDENTIFIER, V, "External-Identifier", UTF8_STRING, MUST)
         .enumerated(SM_DELIVERY_OUTCOME_T4, V, "SM-Delivery-Outcome-T4", MUST, 0L, 1L, 2L, 3L)
         .enumerated(ABSENT_SUBSCRIBER_DIAGNOSTIC_T4, V, "Absent-Subscriber-Diagnostic-T4", MUST)
         .avp(TRIGGER_ACTION, V, "Trigger-Action", UNSIGNED32, MUST_NOT)
         .avp(MTC_ERROR_DIAGNOSTIC, V, "MTC-Error-Diagnostic", UNSIGNED32, MUST_NOT)
         .avp(SM_RP_UI, V, "SM-RP-UI", OCTET_STRING, MUST)
         .avp(SM_RP_SMEA, V, "SM-RP-SMEA", OCTET_STRING, MUST);
        sgdAvps(b);
    }

    /**
     * TS 29.338 6.3.3, codes, types and enumerated values as in Wireshark's diameter/TGPP.xml (under S6c, which
     * shares them with SGd). SC-Address, SM-RP-UI, SM-Enumerated-Delivery-Failure-Cause, SM-Diagnostic-Info,
     * SM-Delivery-Timer and SM-Delivery-Start-Time have the M bit there. For TFR-Flags, SM-Delivery-Failure-Cause
     * and Absent-User-Diagnostic-SM Wireshark says "must not" while the TS 29.338 AVP table (as other stacks
     * carry it) says M: accept both. The retransmission times and SMS-GMSC-Address have it clear in both.
     */
    private static void sgdAvps(Dictionary.Builder b) {
        b.avp(SC_ADDRESS, V, "SC-Address", OCTET_STRING, MUST)
         .avp(TFR_FLAGS, V, "TFR-Flags", UNSIGNED32, MAY)
         .grouped(SM_DELIVERY_FAILURE_CAUSE, V, "SM-Delivery-Failure-Cause", MAY, true,
                 required(g(SM_ENUMERATED_DELIVERY_FAILURE_CAUSE)), optional(g(SM_DIAGNOSTIC_INFO)))
         // 0 MEMORY_CAPACITY_EXCEEDED .. 6 USER_NOT_SC_USER
         .enumerated(SM_ENUMERATED_DELIVERY_FAILURE_CAUSE, V, "SM-Enumerated-Delivery-Failure-Cause", MUST,
                 0L, 1L, 2L, 3L, 4L, 5L, 6L)
         .avp(SM_DIAGNOSTIC_INFO, V, "SM-Diagnostic-Info", OCTET_STRING, MUST)
         .avp(SM_DELIVERY_TIMER, V, "SM-Delivery-Timer", UNSIGNED32, MUST)
         .avp(SM_DELIVERY_START_TIME, V, "SM-Delivery-Start-Time", TIME, MUST)
         .avp(ABSENT_USER_DIAGNOSTIC_SM, V, "Absent-User-Diagnostic-SM", UNSIGNED32, MAY)
         .avp(MAXIMUM_RETRANSMISSION_TIME, V, "Maximum-Retransmission-Time", TIME, MUST_NOT)
         .avp(REQUESTED_RETRANSMISSION_TIME, V, "Requested-Retransmission-Time", TIME, MUST_NOT)
         .avp(SMS_GMSC_ADDRESS, V, "SMS-GMSC-Address", OCTET_STRING, MUST_NOT);
    }

    /**
     * The AVPs of Zh (TS 29.109): the Cx ones it reuses (TS 29.229 6.3) and its own GUSS AVPs. Codes, types and
     * the M bit as Wireshark 4.0.17's TGPP.xml has them (mandatory="must" for 601, 607-613, 625, 626) and as the
     * facts file gives them (gba-facts 6: 608-626 M must; gba-facts 5: 400 M must, 409 M must not).
     */
    private static void zhAvps(Dictionary.Builder b) {
        b.avp(PUBLIC_IDENTITY, V, "Public-Identity", UTF8_STRING, MUST)
         .avp(SIP_NUMBER_AUTH_ITEMS, V, "SIP-Number-Auth-Items", UNSIGNED32, MUST)
         .avp(SIP_AUTHENTICATION_SCHEME, V, "SIP-Authentication-Scheme", UTF8_STRING, MUST)
         .avp(SIP_AUTHENTICATE, V, "SIP-Authenticate", OCTET_STRING, MUST)
         .avp(SIP_AUTHORIZATION, V, "SIP-Authorization", OCTET_STRING, MUST)
         // Wireshark 4.0.17 says M must; some Cx dictionaries clear it: accept both.
         .avp(SIP_AUTHENTICATION_CONTEXT, V, "SIP-Authentication-Context", OCTET_STRING, MAY)
         // TS 29.229 6.3.13; Framed-IP-Address, Line-Identifier and the rest of the Cx list pass through.
         .grouped(SIP_AUTH_DATA_ITEM, V, "SIP-Auth-Data-Item", MUST, true,
                 optional(g(SIP_ITEM_NUMBER)), optional(g(SIP_AUTHENTICATION_SCHEME)), optional(g(SIP_AUTHENTICATE)),
                 optional(g(SIP_AUTHORIZATION)), optional(g(SIP_AUTHENTICATION_CONTEXT)),
                 optional(g(CONFIDENTIALITY_KEY)), optional(g(INTEGRITY_KEY)))
         .avp(SIP_ITEM_NUMBER, V, "SIP-Item-Number", UNSIGNED32, MUST)
         .avp(CONFIDENTIALITY_KEY, V, "Confidentiality-Key", OCTET_STRING, MUST)
         .avp(INTEGRITY_KEY, V, "Integrity-Key", OCTET_STRING, MUST)
         .avp(GBA_USER_SEC_SETTINGS, V, "GBA-UserSecSettings", OCTET_STRING, MUST)
         .avp(GUSS_TIMESTAMP, V, "GUSS-Timestamp", TIME, MUST_NOT);
    }

    /**
     * Zh MAR/MAA (TS 29.109 6.1; gba-facts 6, the ABNF as fkgi's BSF and a Zh write-up agree): {VSAI}, no
     * Auth-Application-Id, NO_STATE_MAINTAINED. Open grammars (*[AVP]); SIP-Number-Auth-Items is Cx's and is
     * tolerated in both, since BSFs built on Cx code send it.
     */
    private static void zhCommands(Dictionary.Builder b) {
        List<AvpRule> head = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                required(k(VENDOR_SPECIFIC_APPLICATION_ID)), optional(k(AUTH_APPLICATION_ID)),
                required(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                optional(k(USER_NAME)), optional(g(PUBLIC_IDENTITY)), optional(g(SIP_AUTH_DATA_ITEM)),
                optional(g(SIP_NUMBER_AUTH_ITEMS)), any(k(PROXY_INFO)), any(k(ROUTE_RECORD)));
        b.command(new CommandDefinition(CommandCodes.MULTIMEDIA_AUTH, ApplicationIds.ZH, "Multimedia-Auth", true,
                grammar(true, concat(head, List.of(required(k(DESTINATION_REALM)), optional(k(DESTINATION_HOST)),
                        optional(g(GUSS_TIMESTAMP)), forbidden(k(RESULT_CODE))))),
                grammar(true, concat(head, List.of(optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)),
                        optional(g(GBA_USER_SEC_SETTINGS)), optional(k(ERROR_MESSAGE)), optional(k(FAILED_AVP)))))));
    }

    /**
     * The AVPs of Zn (TS 29.109 6.3): codes and types as Wireshark 4.0.17's dictionary.xml has them, the V bit must;
     * the M bit must as the facts give it (gba-facts 5: V, M must, P may; Wireshark states no M rule for them).
     */
    private static void znAvps(Dictionary.Builder b) {
        b.avp(TRANSACTION_IDENTIFIER, V, "Transaction-Identifier", OCTET_STRING, MUST)
         .avp(NAF_ID, V, "NAF-Id", OCTET_STRING, MUST)
         .avp(GAA_SERVICE_IDENTIFIER, V, "GAA-Service-Identifier", OCTET_STRING, MUST)
         .avp(KEY_EXPIRY_TIME, V, "Key-ExpiryTime", TIME, MUST)
         .avp(ME_KEY_MATERIAL, V, "ME-Key-Material", OCTET_STRING, MUST)
         .avp(UICC_KEY_MATERIAL, V, "UICC-Key-Material", OCTET_STRING, MUST)
         .avp(GBA_U_AWARENESS_INDICATOR, V, "GBA_U-Awareness-Indicator", ENUMERATED, MUST)
         .avp(BOOTSTRAP_INFO_CREATION_TIME, V, "BootstrapInfoCreationTime", TIME, MUST)
         .avp(GBA_TYPE, V, "GBA-Type", ENUMERATED, MUST);
    }

    /**
     * Zn BIR/BIA (TS 29.109 6.1; the ABNF in cipango's Zn, gba-facts 5): {VSAI}, {Transaction-Identifier} and
     * {NAF-Id} in the request; the key material, its times and the IMPI in the answer. No Auth-Session-State in
     * the ABNF, so it is tolerated, not required. Open grammars.
     */
    private static void znCommands(Dictionary.Builder b) {
        List<AvpRule> head = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                required(k(VENDOR_SPECIFIC_APPLICATION_ID)), optional(k(AUTH_APPLICATION_ID)),
                optional(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                any(k(PROXY_INFO)), any(k(ROUTE_RECORD)));
        b.command(new CommandDefinition(CommandCodes.BOOTSTRAPPING_INFO, ApplicationIds.ZN, "Bootstrapping-Info", true,
                grammar(true, concat(head, List.of(required(k(DESTINATION_REALM)), optional(k(DESTINATION_HOST)),
                        any(g(GAA_SERVICE_IDENTIFIER)), required(g(TRANSACTION_IDENTIFIER)), required(g(NAF_ID)),
                        optional(g(GBA_U_AWARENESS_INDICATOR)), forbidden(k(RESULT_CODE))))),
                grammar(true, concat(head, List.of(optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)),
                        optional(k(USER_NAME)), optional(g(ME_KEY_MATERIAL)), optional(g(UICC_KEY_MATERIAL)),
                        optional(g(KEY_EXPIRY_TIME)), optional(g(BOOTSTRAP_INFO_CREATION_TIME)),
                        optional(g(GBA_USER_SEC_SETTINGS)), optional(g(GBA_TYPE)), optional(k(ERROR_MESSAGE)),
                        optional(k(FAILED_AVP)))))));
    }

    /**
     * The AVPs Zpn adds (TS 29.109 6.3): codes, types and enumerated values as Wireshark 4.0.17's dictionary.xml has
     * them, the V bit must; the M bit must as the facts give it for 400-420 (gba-facts 5, C-ALU).
     */
    private static void zpnAvps(Dictionary.Builder b) {
        b.avp(UE_ID, V, "UE-Id", OCTET_STRING, MUST)
         .enumerated(UE_ID_TYPE, V, "UE-Id-Type", MUST, 0L, 1L)
         .avp(UICC_APP_LABEL, V, "UICC-App-Label", OCTET_STRING, MUST)
         .enumerated(UICC_ME, V, "UICC-ME", MUST, 0L, 1L)
         .avp(REQUESTED_KEY_LIFETIME, V, "Requested-Key-Lifetime", TIME, MUST)
         .enumerated(PRIVATE_IDENTITY_REQUEST, V, "Private-Identity-Request", MUST, 0L, 1L)
         .avp(GBA_PUSH_INFO, V, "GBA-Push-Info", OCTET_STRING, MUST)
         .avp(NAF_SA_IDENTIFIER, V, "NAF-SA-Identifier", OCTET_STRING, MUST)
         .avp(SECURITY_FEATURE_REQUEST, V, "Security-Feature-Request", OCTET_STRING, MUST)
         .avp(SECURITY_FEATURE_RESPONSE, V, "Security-Feature-Response", OCTET_STRING, MUST);
    }

    /**
     * Zpn GPIR/GPIA (TS 29.109 6.1; the ABNF is INFERRED in gba-facts 5 from the Zn one and the AVP set, the spec's
     * was not read): {VSAI}, {UE-Id}, {UE-Id-Type}, {NAF-Id}, {NAF-SA-Identifier}, {UICC-ME},
     * {Requested-Key-Lifetime} in the request; the GPI, the key material, its times and the IMPI in the answer.
     * Open grammars.
     */
    private static void zpnCommands(Dictionary.Builder b) {
        List<AvpRule> head = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                required(k(VENDOR_SPECIFIC_APPLICATION_ID)), optional(k(AUTH_APPLICATION_ID)),
                optional(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                any(k(PROXY_INFO)), any(k(ROUTE_RECORD)));
        b.command(new CommandDefinition(CommandCodes.GBA_PUSH_INFO, ApplicationIds.ZPN, "GBAPush-Info", true,
                grammar(true, concat(head, List.of(required(k(DESTINATION_REALM)), optional(k(DESTINATION_HOST)),
                        required(g(UE_ID)), required(g(UE_ID_TYPE)), required(g(NAF_ID)), required(g(NAF_SA_IDENTIFIER)),
                        required(g(UICC_ME)), required(g(REQUESTED_KEY_LIFETIME)), optional(g(UICC_APP_LABEL)),
                        optional(g(PRIVATE_IDENTITY_REQUEST)), optional(g(GBA_U_AWARENESS_INDICATOR)),
                        any(g(GAA_SERVICE_IDENTIFIER)), optional(g(SECURITY_FEATURE_REQUEST)), forbidden(k(RESULT_CODE))))),
                grammar(true, concat(head, List.of(optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)),
                        optional(k(USER_NAME)), optional(g(GBA_PUSH_INFO)), optional(g(ME_KEY_MATERIAL)),
                        optional(g(UICC_KEY_MATERIAL)), optional(g(KEY_EXPIRY_TIME)),
                        optional(g(BOOTSTRAP_INFO_CREATION_TIME)), optional(g(GBA_USER_SEC_SETTINGS)), optional(g(GBA_TYPE)),
                        optional(g(SECURITY_FEATURE_RESPONSE)), optional(k(ERROR_MESSAGE)), optional(k(FAILED_AVP)))))));
    }

    /** RFC 6733 5.3.1, 5.3.2, 5.4.1, 5.4.2, 5.5.1, 5.5.2 and the occurrence table of 10.1. */
    private static void baseCommands(Dictionary.Builder b) {
        List<AvpRule> noRouting = List.of(forbidden(k(SESSION_ID)), forbidden(k(DESTINATION_HOST)),
                forbidden(k(DESTINATION_REALM)));
        List<AvpRule> capabilities = List.of(required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                oneOrMore(k(HOST_IP_ADDRESS)), required(k(VENDOR_ID)), required(k(PRODUCT_NAME)),
                optional(k(ORIGIN_STATE_ID)), any(k(SUPPORTED_VENDOR_ID)), any(k(AUTH_APPLICATION_ID)),
                any(k(INBAND_SECURITY_ID)), any(k(ACCT_APPLICATION_ID)), any(k(VENDOR_SPECIFIC_APPLICATION_ID)),
                optional(k(FIRMWARE_REVISION)));
        b.command(new CommandDefinition(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON,
                "Capabilities-Exchange", false,
                grammar(true, concat(capabilities, noRouting, List.of(forbidden(k(RESULT_CODE))))),
                grammar(true, concat(capabilities, noRouting, List.of(required(k(RESULT_CODE)),
                        optional(k(ERROR_MESSAGE)), optional(k(FAILED_AVP)))))));
        b.command(new CommandDefinition(CommandCodes.DEVICE_WATCHDOG, ApplicationIds.COMMON, "Device-Watchdog", false,
                grammar(true, concat(noRouting, List.of(required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                        optional(k(ORIGIN_STATE_ID)), forbidden(k(RESULT_CODE))))),
                grammar(true, concat(noRouting, List.of(required(k(RESULT_CODE)), required(k(ORIGIN_HOST)),
                        required(k(ORIGIN_REALM)), optional(k(ERROR_MESSAGE)), optional(k(FAILED_AVP)),
                        optional(k(ORIGIN_STATE_ID)))))));
        b.command(new CommandDefinition(CommandCodes.DISCONNECT_PEER, ApplicationIds.COMMON, "Disconnect-Peer", false,
                grammar(true, concat(noRouting, List.of(required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                        required(k(DISCONNECT_CAUSE)), forbidden(k(RESULT_CODE))))),
                grammar(true, concat(noRouting, List.of(required(k(RESULT_CODE)), required(k(ORIGIN_HOST)),
                        required(k(ORIGIN_REALM)), optional(k(ERROR_MESSAGE)), optional(k(FAILED_AVP)))))));
    }

    private static void tgppCommands(Dictionary.Builder b) {
        // TS 29.368 6.2 (Tsp), TS 29.336 6.2 (S6m), TS 29.337 6.2 (T4): stateless sessions, proxiable.
        List<AvpRule> requestHead = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                optional(k(AUTH_APPLICATION_ID)), optional(k(VENDOR_SPECIFIC_APPLICATION_ID)),
                required(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                optional(k(DESTINATION_HOST)), required(k(DESTINATION_REALM)), any(g(SUPPORTED_FEATURES)),
                any(k(PROXY_INFO)), any(k(ROUTE_RECORD)), forbidden(k(RESULT_CODE)));
        List<AvpRule> answerHead = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                optional(k(AUTH_APPLICATION_ID)), optional(k(VENDOR_SPECIFIC_APPLICATION_ID)),
                optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)), required(k(AUTH_SESSION_STATE)),
                required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)), any(g(SUPPORTED_FEATURES)),
                any(k(FAILED_AVP)), any(k(PROXY_INFO)), any(k(LOAD)));
        tspCommands(b);
        sgdCommands(b);
        b.command(new CommandDefinition(CommandCodes.SUBSCRIBER_INFORMATION, ApplicationIds.S6M,
                "Subscriber-Information", true,
                grammar(true, concat(requestHead, List.of(required(g(USER_IDENTIFIER)), optional(g(SERVICE_ID)),
                        optional(g(SCS_IDENTITY)), optional(g(SERVICE_PARAMETERS)), required(g(SIR_FLAGS))))),
                grammar(true, concat(answerHead, List.of(optional(g(USER_IDENTIFIER)), optional(g(SERVICE_DATA)))))));
        b.command(new CommandDefinition(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4, "Device-Trigger", true,
                grammar(true, concat(requestHead, List.of(required(g(USER_IDENTIFIER)), required(g(SM_RP_SMEA)),
                        required(g(PAYLOAD)), optional(g(REFERENCE_NUMBER)), optional(k(VALIDITY_TIME)),
                        optional(g(PRIORITY_INDICATION)), optional(g(APPLICATION_PORT_IDENTIFIER)),
                        optional(g(SERVING_NODE)), any(g(ADDITIONAL_SERVING_NODE)), optional(g(TRIGGER_ACTION)),
                        optional(g(OLD_REFERENCE_NUMBER))))),
                grammar(true, answerHead)));
        b.command(new CommandDefinition(CommandCodes.DELIVERY_REPORT, ApplicationIds.T4, "Delivery-Report", true,
                grammar(true, concat(requestHead, List.of(required(g(USER_IDENTIFIER)), required(g(SM_RP_SMEA)),
                        required(g(SM_DELIVERY_OUTCOME_T4)), optional(g(ABSENT_SUBSCRIBER_DIAGNOSTIC_T4)),
                        optional(g(REFERENCE_NUMBER))))),
                grammar(true, answerHead)));
    }

    /**
     * TS 29.368 6.2.2-6.2.5 as written: {Auth-Application-Id} in all four, {Device-Notification} in every DAA,
     * {Destination-Host} in a DNR, no Vendor-Specific-Application-Id. The grammars are complete, so an AVP with
     * the M bit that they do not name is refused with 5001 (see {@link CommandGrammar#strictMandatory()}).
     * Tolerated beyond the text, because deployed SCSs send them: [DRMP] (RFC 7944) and, in requests, a
     * [Vendor-Specific-Application-Id] beside the Auth-Application-Id (jDiameter adds one to every request).
     */
    private static void tspCommands(Dictionary.Builder b) {
        List<AvpRule> head = List.of(required(k(SESSION_ID)), optional(k(DRMP)), required(k(AUTH_APPLICATION_ID)),
                required(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                optional(k(ORIGIN_STATE_ID)), any(k(PROXY_INFO)));
        List<AvpRule> request = concat(head, List.of(optional(k(VENDOR_SPECIFIC_APPLICATION_ID)),
                required(k(DESTINATION_REALM)), any(k(ROUTE_RECORD)), forbidden(k(RESULT_CODE))));
        List<AvpRule> answer = concat(head, List.of(optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)),
                optional(k(ERROR_MESSAGE)), optional(k(ERROR_REPORTING_HOST)), optional(k(FAILED_AVP)),
                any(k(REDIRECT_HOST)), optional(k(REDIRECT_HOST_USAGE)), optional(k(REDIRECT_MAX_CACHE_TIME))));
        b.command(new CommandDefinition(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, "Device-Action", true,
                strict(concat(request, List.of(optional(k(DESTINATION_HOST)), optional(g(DEVICE_ACTION)),
                        any(g(SUPPORTED_FEATURES))))),
                strict(concat(answer, List.of(required(g(DEVICE_NOTIFICATION)), any(g(SUPPORTED_FEATURES)),
                        optional(g(FEATURE_SUPPORTED_IN_FINAL_TARGET)), any(k(LOAD)))))));
        b.command(new CommandDefinition(CommandCodes.DEVICE_NOTIFICATION, ApplicationIds.TSP, "Device-Notification",
                true, strict(concat(request, List.of(required(k(DESTINATION_HOST)), optional(g(DEVICE_NOTIFICATION))))),
                strict(answer)));
    }

    /**
     * TS 29.338 6.3.2 MT-Forward-Short-Message, SMS-SC (or SMS Router) to MME: {Destination-Host} (the
     * MME), {User-Name} (the IMSI), {SC-Address}, {SM-RP-UI}. Open grammars: the rest of the TS 29.338 lines
     * (SMSMI-Correlation-ID, MME-Number-for-MT-SMS, ...) pass through *[AVP].
     */
    private static void sgdCommands(Dictionary.Builder b) {
        List<AvpRule> request = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                optional(k(VENDOR_SPECIFIC_APPLICATION_ID)), optional(k(AUTH_APPLICATION_ID)),
                required(k(AUTH_SESSION_STATE)), required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)),
                required(k(DESTINATION_HOST)), required(k(DESTINATION_REALM)), required(k(USER_NAME)),
                any(g(SUPPORTED_FEATURES)), required(g(SC_ADDRESS)), required(g(SM_RP_UI)), optional(g(SGSN_NUMBER)),
                optional(g(TFR_FLAGS)), optional(g(SM_DELIVERY_TIMER)), optional(g(SM_DELIVERY_START_TIME)),
                optional(g(MAXIMUM_RETRANSMISSION_TIME)), optional(g(SMS_GMSC_ADDRESS)), any(k(PROXY_INFO)),
                any(k(ROUTE_RECORD)), forbidden(k(RESULT_CODE)));
        List<AvpRule> answer = List.of(required(k(SESSION_ID)), optional(k(DRMP)),
                optional(k(VENDOR_SPECIFIC_APPLICATION_ID)), optional(k(AUTH_APPLICATION_ID)),
                optional(k(RESULT_CODE)), optional(k(EXPERIMENTAL_RESULT)), required(k(AUTH_SESSION_STATE)),
                required(k(ORIGIN_HOST)), required(k(ORIGIN_REALM)), any(g(SUPPORTED_FEATURES)),
                optional(g(ABSENT_USER_DIAGNOSTIC_SM)), optional(g(SM_DELIVERY_FAILURE_CAUSE)), optional(g(SM_RP_UI)),
                optional(g(REQUESTED_RETRANSMISSION_TIME)), optional(g(USER_IDENTIFIER)), optional(k(FAILED_AVP)),
                any(k(PROXY_INFO)), any(k(ROUTE_RECORD)));
        b.command(new CommandDefinition(CommandCodes.MT_FORWARD_SHORT_MESSAGE, ApplicationIds.SGD,
                "MT-Forward-Short-Message", true, grammar(true, request), grammar(true, answer)));
    }

    private static CommandGrammar strict(List<AvpRule> rules) {
        return new CommandGrammar(rules, true, true);
    }

    @SafeVarargs
    private static List<AvpRule> concat(List<AvpRule>... parts) {
        List<AvpRule> out = new ArrayList<>();
        for (List<AvpRule> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    private static CommandGrammar grammar(boolean open, List<AvpRule> rules) {
        return new CommandGrammar(rules, open);
    }
}
