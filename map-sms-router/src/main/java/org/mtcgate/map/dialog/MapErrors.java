package org.mtcgate.map.dialog;

import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessageFactory;
import org.mobicents.protocols.ss7.map.api.errors.SMEnumeratedDeliveryFailureCause;

/** The MAP errors (TS 29.002 clause 17.6) this node answers with. */
public final class MapErrors {
    private final MAPErrorMessageFactory factory;

    public MapErrors(MAPProvider provider) {
        this.factory = provider.getMAPErrorMessageFactory();
    }

    public MAPErrorMessage facilityNotSupported() {
        return factory.createMAPErrorMessageFacilityNotSup(null, null, null);
    }

    public MAPErrorMessage unidentifiedSubscriber() {
        return factory.createMAPErrorMessageExtensionContainer((long) MAPErrorCode.unidentifiedSubscriber, null);
    }

    public MAPErrorMessage unexpectedDataValue() {
        return factory.createMAPErrorMessageExtensionContainer((long) MAPErrorCode.unexpectedDataValue, null);
    }

    /** systemFailure, with the version-dependent parameter jSS7 needs (v1 has none, v2 a network resource). */
    public MAPErrorMessage systemFailure(int mapVersion) {
        return factory.createMAPErrorMessageSystemFailure(mapVersion, null, null, null);
    }

    /** SM-DeliveryFailure (17.6.3) encoded for the dialog's MAP version. */
    public MAPErrorMessage smDeliveryFailure(int mapVersion, SMEnumeratedDeliveryFailureCause cause) {
        return factory.createMAPErrorMessageSMDeliveryFailure(mapVersion, cause, null, null);
    }
}
