package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

import java.util.List;

/**
 * A DAA as the SCS reads it: the base Result-Code and, inside Device-Notification, the Request-Status.
 *
 * @param resultCode    Result-Code (2001 when the MTC-IWF handled the request)
 * @param requestStatus Request-Status, or -1 when the DAA has no Device-Notification
 * @param referenceNumber the echoed Reference-Number, or -1
 * @param featureBits   Feature-Supported-In-Final-Target, or -1
 * @param message       the answer itself, for inspection
 */
public record DeviceActionAnswer(long resultCode, long requestStatus, long referenceNumber, long featureBits,
                                 DiameterMessage message) {
    public static DeviceActionAnswer of(DiameterMessage daa) {
        long rc = daa.avp(AvpCodes.RESULT_CODE).map(Avp::unsigned32).orElse(-1L);
        long status = -1;
        long ref = -1;
        var dn = daa.avp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP);
        if (dn.isPresent()) {
            List<Avp> parts = dn.get().groupedAvps();
            for (Avp a : parts) {
                if (a.code() == AvpCodes.REQUEST_STATUS) {
                    status = a.unsigned32();
                } else if (a.code() == AvpCodes.REFERENCE_NUMBER) {
                    ref = a.unsigned32();
                }
            }
        }
        long features = daa.avp(AvpCodes.FEATURE_SUPPORTED_IN_FINAL_TARGET, VendorIds.TGPP).map(Avp::unsigned32).orElse(-1L);
        return new DeviceActionAnswer(rc, status, ref, features, daa);
    }
}
