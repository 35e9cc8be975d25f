package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/**
 * What a refused DAR's DAA echoes in its {Device-Notification} (TS 29.368 6.2.3 makes it mandatory in every DAA):
 * the Reference-Number and Action-Type of the request when they can be read, else 0 and 1 (the grammar needs a
 * value; 0 is a reference no SCS can have been told was accepted, since the answer reports the failure).
 */
final class DeviceActionEcho {
    private DeviceActionEcho() {
    }

    static long referenceNumber(DiameterMessage dar) {
        return read(dar, AvpCodes.REFERENCE_NUMBER, 0);
    }

    static int actionType(DiameterMessage dar) {
        long v = read(dar, AvpCodes.ACTION_TYPE, 1);
        return v >= 1 && v <= 5 ? (int) v : 1;
    }

    private static long read(DiameterMessage dar, int code, long otherwise) {
        try {
            var action = dar.avp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP);
            if (action.isEmpty()) {
                return otherwise;
            }
            for (Avp a : action.get().groupedAvps()) {
                if (a.code() == code && a.vendorId() == VendorIds.TGPP && a.dataLength() == 4) {
                    return a.unsigned32();
                }
            }
        } catch (RuntimeException e) {
            // an unreadable Device-Action: nothing to echo
        }
        return otherwise;
    }
}
