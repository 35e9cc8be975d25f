package org.mtcgate.diameter.t4;

import java.util.Objects;
import java.util.function.Function;

/**
 * Where the MTC-IWF submits triggers and which originating SME address they carry.
 *
 * @param smsScRealm      Destination-Realm of the SMS-SC
 * @param smsScHost       Destination-Host, or null to route on the realm
 * @param smeAddressOfScs the SME address (SM-RP-SMEA, the originator the UE sees) for an SCS identity, or null
 *                        when none is configured for it (the trigger is then refused, PERMANENTERROR)
 */
public record T4ClientConfig(String smsScRealm, String smsScHost, Function<String, SmeAddress> smeAddressOfScs) {
    public T4ClientConfig {
        Objects.requireNonNull(smsScRealm, "smsScRealm");
        Objects.requireNonNull(smeAddressOfScs, "smeAddressOfScs");
    }
}
