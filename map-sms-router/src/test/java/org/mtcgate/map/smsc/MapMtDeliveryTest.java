package org.mtcgate.map.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.errors.MAPErrorMessageFactoryImpl;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.map.client.MapOutcome;

/** How the SMS-SC sorts the MAP client's outcomes of an MT-ForwardSM for its store and forward. */
class MapMtDeliveryTest {
    private static DeliveryAttempt.Result error(long code) {
        return MapMtDelivery.classify(new MapOutcome.Error<>(
                new MAPErrorMessageFactoryImpl().createMAPErrorMessageParameterless(code))).result();
    }

    @Test
    void resultIsDelivered() {
        assertEquals(DeliveryAttempt.Result.DELIVERED, MapMtDelivery.classify(new MapOutcome.Result<>(null)).result());
    }

    @Test
    void absenceWaitsAndCongestionPassesButUnknownSubscribersDoNot() {
        assertEquals(DeliveryAttempt.Result.ABSENT, error(MAPErrorCode.absentSubscriberSM));
        assertEquals(DeliveryAttempt.Result.ABSENT, error(MAPErrorCode.absentSubscriber));
        assertEquals(DeliveryAttempt.Result.TEMPORARY, error(MAPErrorCode.systemFailure));
        assertEquals(DeliveryAttempt.Result.TEMPORARY, error(MAPErrorCode.subscriberBusyForMTSMS));
        assertEquals(DeliveryAttempt.Result.PERMANENT, error(MAPErrorCode.unknownSubscriber));
        assertEquals(DeliveryAttempt.Result.PERMANENT, error(MAPErrorCode.callBarred));
    }

    @Test
    void failuresWithoutAMapErrorAreTriedAgain() {
        for (MapOutcome.Kind kind : new MapOutcome.Kind[] {MapOutcome.Kind.INVOKE_TIMEOUT, MapOutcome.Kind.USER_ABORT,
                MapOutcome.Kind.PROVIDER_ABORT, MapOutcome.Kind.DIALOG_REFUSED, MapOutcome.Kind.REJECT,
                MapOutcome.Kind.DIALOG_TIMEOUT, MapOutcome.Kind.NO_ANSWER, MapOutcome.Kind.NOT_SENT,
                MapOutcome.Kind.BUSY}) {
            DeliveryAttempt attempt = MapMtDelivery.classify(new MapOutcome.Failure<>(kind, "test"));
            assertEquals(DeliveryAttempt.Result.TEMPORARY, attempt.result(), kind.name());
            assertEquals(kind + ": test", attempt.detail());
        }
    }
}
