package org.mtcgate.diameter.dictionary;

/** AVP codes. Base protocol (RFC 6733 4.5) use Vendor-Id 0; the 3GPP ones use 10415. */
public final class AvpCodes {
    // RFC 6733 base
    public static final int USER_NAME = 1;
    public static final int CLASS = 25;
    public static final int SESSION_TIMEOUT = 27;
    public static final int PROXY_STATE = 33;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_MULTI_SESSION_ID = 50;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int ACCT_INTERIM_INTERVAL = 85;
    public static final int HOST_IP_ADDRESS = 257;
    public static final int AUTH_APPLICATION_ID = 258;
    public static final int ACCT_APPLICATION_ID = 259;
    public static final int VENDOR_SPECIFIC_APPLICATION_ID = 260;
    public static final int REDIRECT_HOST_USAGE = 261;
    public static final int REDIRECT_MAX_CACHE_TIME = 262;
    public static final int SESSION_ID = 263;
    public static final int ORIGIN_HOST = 264;
    public static final int SUPPORTED_VENDOR_ID = 265;
    public static final int VENDOR_ID = 266;
    public static final int FIRMWARE_REVISION = 267;
    public static final int RESULT_CODE = 268;
    public static final int PRODUCT_NAME = 269;
    public static final int SESSION_BINDING = 270;
    public static final int SESSION_SERVER_FAILOVER = 271;
    public static final int MULTI_ROUND_TIME_OUT = 272;
    public static final int DISCONNECT_CAUSE = 273;
    public static final int AUTH_REQUEST_TYPE = 274;
    public static final int AUTH_GRACE_PERIOD = 276;
    public static final int AUTH_SESSION_STATE = 277;
    public static final int ORIGIN_STATE_ID = 278;
    public static final int FAILED_AVP = 279;
    public static final int PROXY_HOST = 280;
    public static final int ERROR_MESSAGE = 281;
    public static final int ROUTE_RECORD = 282;
    public static final int DESTINATION_REALM = 283;
    public static final int PROXY_INFO = 284;
    public static final int RE_AUTH_REQUEST_TYPE = 285;
    public static final int ACCOUNTING_SUB_SESSION_ID = 287;
    public static final int AUTHORIZATION_LIFETIME = 291;
    public static final int REDIRECT_HOST = 292;
    public static final int DESTINATION_HOST = 293;
    public static final int ERROR_REPORTING_HOST = 294;
    public static final int TERMINATION_CAUSE = 295;
    public static final int ORIGIN_REALM = 296;
    public static final int EXPERIMENTAL_RESULT = 297;
    public static final int EXPERIMENTAL_RESULT_CODE = 298;
    public static final int INBAND_SECURITY_ID = 299;
    public static final int DRMP = 301;
    public static final int VALIDITY_TIME = 448;
    public static final int ACCOUNTING_RECORD_TYPE = 480;
    public static final int ACCOUNTING_REALTIME_REQUIRED = 483;
    public static final int ACCOUNTING_RECORD_NUMBER = 485;
    public static final int LOAD = 650;

    // 3GPP (vendor 10415)
    // Zh (TS 29.109 6.3, gba-facts 5): GBA-UserSecSettings, GUSS-Timestamp. Not in Wireshark 4.0.17's TGPP.xml.
    public static final int GBA_USER_SEC_SETTINGS = 400;
    public static final int GUSS_TIMESTAMP = 409;
    // Zn (TS 29.109 6.3; gba-facts 5, cipango's Zn AVPs): codes and types as Wireshark 4.0.17's dictionary.xml has
    // them (402 is "NAF-Hostname" there, its pre-Rel-6 name; GBA-Type 0 "3G GBA", 1 "2G GBA").
    public static final int TRANSACTION_IDENTIFIER = 401;
    public static final int NAF_ID = 402;
    public static final int GAA_SERVICE_IDENTIFIER = 403;
    public static final int KEY_EXPIRY_TIME = 404;
    public static final int ME_KEY_MATERIAL = 405;
    public static final int UICC_KEY_MATERIAL = 406;
    public static final int GBA_U_AWARENESS_INDICATOR = 407;
    public static final int BOOTSTRAP_INFO_CREATION_TIME = 408;
    public static final int GBA_TYPE = 410;
    // Zpn (TS 29.109 6.3, gba-facts 5): codes, types and names as Wireshark 4.0.17's dictionary.xml has them.
    public static final int UE_ID = 411;
    public static final int UE_ID_TYPE = 412;
    public static final int UICC_APP_LABEL = 413;
    public static final int UICC_ME = 414;
    public static final int REQUESTED_KEY_LIFETIME = 415;
    public static final int PRIVATE_IDENTITY_REQUEST = 416;
    public static final int GBA_PUSH_INFO = 417;
    public static final int NAF_SA_IDENTIFIER = 418;
    public static final int SECURITY_FEATURE_REQUEST = 419;
    public static final int SECURITY_FEATURE_RESPONSE = 420;
    // Cx AVPs Zh reuses (TS 29.229 6.3), codes as in Wireshark 4.0.17's TGPP.xml, which names 607-610, 612 and
    // 613 with a "3GPP-" prefix (3GPP-SIP-Auth-Data-Item, ...); gba-facts 6 gives the same codes (VERIFIED).
    public static final int PUBLIC_IDENTITY = 601;
    public static final int SIP_NUMBER_AUTH_ITEMS = 607;
    public static final int SIP_AUTHENTICATION_SCHEME = 608;
    public static final int SIP_AUTHENTICATE = 609;
    public static final int SIP_AUTHORIZATION = 610;
    public static final int SIP_AUTHENTICATION_CONTEXT = 611;
    public static final int SIP_AUTH_DATA_ITEM = 612;
    public static final int SIP_ITEM_NUMBER = 613;
    public static final int CONFIDENTIALITY_KEY = 625;
    public static final int INTEGRITY_KEY = 626;
    public static final int SUPPORTED_FEATURES = 628;
    public static final int FEATURE_LIST_ID = 629;
    public static final int FEATURE_LIST = 630;
    public static final int MSISDN = 701;
    public static final int SGSN_NUMBER = 1489;
    public static final int LMSI = 2400;
    public static final int SERVING_NODE = 2401;
    public static final int MME_NAME = 2402;
    public static final int MSC_NUMBER = 2403;
    public static final int ADDITIONAL_SERVING_NODE = 2406;
    public static final int DEVICE_ACTION = 3001;
    public static final int DEVICE_NOTIFICATION = 3002;
    public static final int TRIGGER_DATA = 3003;
    public static final int PAYLOAD = 3004;
    public static final int ACTION_TYPE = 3005;
    public static final int PRIORITY_INDICATION = 3006;
    public static final int REFERENCE_NUMBER = 3007;
    public static final int REQUEST_STATUS = 3008;
    public static final int DELIVERY_OUTCOME = 3009;
    public static final int APPLICATION_PORT_IDENTIFIER = 3010;
    public static final int OLD_REFERENCE_NUMBER = 3011;
    public static final int FEATURE_SUPPORTED_IN_FINAL_TARGET = 3012;
    public static final int USER_IDENTIFIER = 3102;
    public static final int SERVICE_ID = 3103;
    public static final int SCS_IDENTITY = 3104;
    public static final int SERVICE_PARAMETERS = 3105;
    public static final int T4_PARAMETERS = 3106;
    public static final int SERVICE_DATA = 3107;
    public static final int T4_DATA = 3108;
    public static final int HSS_CAUSE = 3109;
    public static final int SIR_FLAGS = 3110;
    public static final int EXTERNAL_IDENTIFIER = 3111;
    public static final int SM_DELIVERY_OUTCOME_T4 = 3200;
    public static final int ABSENT_SUBSCRIBER_DIAGNOSTIC_T4 = 3201;
    public static final int TRIGGER_ACTION = 3202;
    public static final int MTC_ERROR_DIAGNOSTIC = 3203;
    // TS 29.338 6.3.3 (SGd), codes as in Wireshark's diameter/TGPP.xml (listed there under S6c)
    public static final int SC_ADDRESS = 3300;
    public static final int SM_RP_UI = 3301;
    public static final int TFR_FLAGS = 3302;
    public static final int SM_DELIVERY_FAILURE_CAUSE = 3303;
    public static final int SM_ENUMERATED_DELIVERY_FAILURE_CAUSE = 3304;
    public static final int SM_DIAGNOSTIC_INFO = 3305;
    public static final int SM_DELIVERY_TIMER = 3306;
    public static final int SM_DELIVERY_START_TIME = 3307;
    public static final int SM_RP_SMEA = 3309;
    public static final int ABSENT_USER_DIAGNOSTIC_SM = 3322;
    public static final int MAXIMUM_RETRANSMISSION_TIME = 3330;
    public static final int REQUESTED_RETRANSMISSION_TIME = 3331;
    public static final int SMS_GMSC_ADDRESS = 3332;

    private AvpCodes() {
    }
}
