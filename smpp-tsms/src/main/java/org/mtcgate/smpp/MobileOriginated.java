package org.mtcgate.smpp;

import java.util.Objects;

/**
 * An MO SM the SMS-SC took from a UE (it passed the filter on the SMS-IWMSC path) for an SME's address, as the
 * SME receives it in deliver_sm: from the UE's MSISDN to the address the UE sent it to.
 *
 * @param smeAddress   TP-DA of the SMS-SUBMIT
 * @param ueMsisdn     the sending UE (SM-RP-OA)
 * @param userData     the UDH (when {@code udhi}) and then the body as the TPDU's alphabet has it: octets for 8-bit
 *                     and UCS2, one septet value an octet for the GSM 7-bit alphabet (SMPP's unpacked form)
 */
public record MobileOriginated(String smeAddress, String ueMsisdn, int protocolId, int dataCoding, boolean udhi,
                               byte[] userData) {
    public MobileOriginated {
        Objects.requireNonNull(smeAddress, "smeAddress");
        Objects.requireNonNull(ueMsisdn, "ueMsisdn");
        userData = userData.clone();
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }
}
