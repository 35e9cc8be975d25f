package org.mtcgate.map.stack;

import org.mobicents.protocols.ss7.indicator.NatureOfAddress;
import org.mobicents.protocols.ss7.indicator.NumberingPlan;
import org.mobicents.protocols.ss7.indicator.RoutingIndicator;
import org.mobicents.protocols.ss7.sccp.impl.parameter.BCDEvenEncodingScheme;
import org.mobicents.protocols.ss7.sccp.impl.parameter.BCDOddEncodingScheme;
import org.mobicents.protocols.ss7.sccp.impl.parameter.ParameterFactoryImpl;
import org.mobicents.protocols.ss7.sccp.parameter.GlobalTitle;
import org.mobicents.protocols.ss7.sccp.parameter.GlobalTitle0100;
import org.mobicents.protocols.ss7.sccp.parameter.ParameterFactory;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;

/**
 * E.164 global titles, GTI 0100 (translation type 0, ISDN numbering plan, international), ITU-T Q.713 3.4.2.3.
 * The BCD encoding scheme must follow the digit count: with the even scheme jSS7 silently drops the last
 * digit of an odd-length title.
 */
public final class GlobalTitles {
    private static final ParameterFactory FACTORY = new ParameterFactoryImpl();

    private GlobalTitles() {
    }

    public static GlobalTitle0100 e164(String digits) {
        return FACTORY.createGlobalTitle(digits, 0, NumberingPlan.ISDN_TELEPHONY,
                digits.length() % 2 == 1 ? BCDOddEncodingScheme.INSTANCE : BCDEvenEncodingScheme.INSTANCE,
                NatureOfAddress.INTERNATIONAL);
    }

    /** A called or calling party address routed on GT, with SSN and no point code. */
    public static SccpAddress routeOnGt(String digits, int ssn) {
        return FACTORY.createSccpAddress(RoutingIndicator.ROUTING_BASED_ON_GLOBAL_TITLE, e164(digits), 0, ssn);
    }

    /** A GTT translation result that keeps the digits ("-" with mask K) and routes to {@code pointCode}. */
    static SccpAddress translationTo(int pointCode) {
        return FACTORY.createSccpAddress(RoutingIndicator.ROUTING_BASED_ON_GLOBAL_TITLE, e164Pattern("-"),
                pointCode, 0);
    }

    /** The same for two-section rules ({@link #prefixPattern}): "-/-" with mask K/K keeps both sections. */
    static SccpAddress twoSectionTranslationTo(int pointCode) {
        return FACTORY.createSccpAddress(RoutingIndicator.ROUTING_BASED_ON_GLOBAL_TITLE, e164Pattern("-/-"),
                pointCode, 0);
    }

    /** A GTT rule pattern matching every E.164 international title. */
    static SccpAddress anyE164() {
        return FACTORY.createSccpAddress(RoutingIndicator.ROUTING_BASED_ON_GLOBAL_TITLE, e164Pattern("*"), 0, 0);
    }

    /**
     * A GTT rule pattern matching E.164 titles that start with {@code prefix}, as two sections "prefix/*" (mask
     * K/K). One section "prefix*" would not do: jSS7 cuts a section to the length of its pattern when it
     * translates, so the title would lose every digit after the prefix.
     */
    static SccpAddress prefixPattern(String prefix) {
        return FACTORY.createSccpAddress(RoutingIndicator.ROUTING_BASED_ON_GLOBAL_TITLE, e164Pattern(prefix + "/*"),
                0, 0);
    }

    private static GlobalTitle e164Pattern(String pattern) {
        return FACTORY.createGlobalTitle(pattern, 0, NumberingPlan.ISDN_TELEPHONY, BCDEvenEncodingScheme.INSTANCE,
                NatureOfAddress.INTERNATIONAL);
    }
}
