package org.mtcgate.diameter.t4;

import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.s6m.S6mAvps;
import org.mtcgate.diameter.s6m.SubscriberInformationAnswer;
import org.mtcgate.diameter.s6m.SubscriberInformationQuery;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Peer input is untrusted: thousands of mutated SIR, SIA, DTR, DTA and DRR bodies go through the decoders, which
 * must either decode or refuse with a Diameter refusal (a result code and Failed-AVP), never throw anything else.
 * Seeded, so a failure repeats.
 */
class MutatedS6mT4InputTest {
    static final Imsi IMSI = Imsi.of("262015500000001");
    static final int ROUNDS = 3000;

    static List<Avp> sirAvps() {
        return List.of(new UserIdentifier(null, Msisdn.of("491701000001"), ExternalId.of("meter-1@meters.test")).toAvp(),
                S6mAvps.serviceId(0), S6mAvps.scsIdentity("scs1.utility.test"), S6mAvps.sirFlags(1));
    }

    static List<Avp> siaAvps() {
        return List.of(BaseAvps.resultCode(2001), new UserIdentifier(IMSI, Msisdn.of("491701000001"), null).toAvp(),
                S6mAvps.serviceDataWithT4(List.of("491720000200", "sgsn:491720000300", "mme:mme1.test")),
                TgppAvps.experimentalResult(5001));
    }

    static List<Avp> dtrAvps() {
        List<Avp> a = new ArrayList<>(List.of(new UserIdentifier(IMSI, Msisdn.of("491701000001"), ExternalId.of("m@meters.test")).toAvp(),
                T4Avps.smRpSmea(SmeAddress.international("491720000999")), T4Avps.payload(new byte[] {1, 2}),
                T4Avps.referenceNumber(7), T4Avps.validityTime(60), T4Avps.priorityIndication(true),
                T4Avps.applicationPortIdentifier(9200), T4Avps.triggerAction(TriggerAction.REPLACE), T4Avps.oldReferenceNumber(6)));
        a.addAll(org.mtcgate.diameter.s6m.ServingNodes.toAvps(List.of("491720000200", "mme:mme1.test")));
        return a;
    }

    static List<Avp> drrAvps() {
        return List.of(new UserIdentifier(IMSI, null, null).toAvp(), T4Avps.smRpSmea(SmeAddress.shortCode("12345")),
                T4Avps.smDeliveryOutcomeT4(SmDeliveryOutcomeT4.ABSENT_SUBSCRIBER),
                TgppAvps.tgpp(org.mtcgate.diameter.dictionary.AvpCodes.ABSENT_SUBSCRIBER_DIAGNOSTIC_T4).unsigned32(1),
                T4Avps.referenceNumber(7));
    }

    /** One AVP's value changed: a byte flipped, truncated, extended, or replaced by random bytes. */
    static Avp mutate(Avp a, Random r) {
        byte[] d = a.data();
        byte[] out = switch (r.nextInt(4)) {
            case 0 -> {
                if (d.length > 0) {
                    d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                }
                yield d;
            }
            case 1 -> java.util.Arrays.copyOf(d, d.length == 0 ? 0 : r.nextInt(d.length));
            case 2 -> java.util.Arrays.copyOf(d, d.length + 1 + r.nextInt(8));
            default -> {
                byte[] x = new byte[r.nextInt(24)];
                r.nextBytes(x);
                yield x;
            }
        };
        return Avp.raw(a.code(), a.flags(), a.vendorId(), out);
    }

    static DiameterMessage message(int command, long app, List<Avp> avps, Random r, boolean request) {
        List<Avp> list = new ArrayList<>(avps);
        int changes = 1 + r.nextInt(2);
        for (int i = 0; i < changes && !list.isEmpty(); i++) {
            int k = r.nextInt(list.size());
            if (r.nextInt(5) == 0) {
                list.remove(k);
            } else {
                list.set(k, mutate(list.get(k), r));
            }
        }
        DiameterMessage.Builder b = request ? DiameterMessage.request(command, app, true) : DiameterMessage.builder()
                .commandCode(command).applicationId(app);
        return b.avp(BaseAvps.sessionId("fuzz")).avp(BaseAvps.originHost("peer.test")).avp(BaseAvps.originRealm("test"))
                .avps(list).build();
    }

    static void survives(String what, DiameterMessage m, Consumer<DiameterMessage> decoder) {
        try {
            decoder.accept(m);
        } catch (DiameterRefusalException e) {
            assertNotNull(e.refusal().failedAvp());
        } catch (RuntimeException e) {
            fail(what + " decoder threw " + e + " on " + m.avps(), e);
        }
    }

    @Test
    void decodersOnlyDecodeOrRefuse() {
        Random r = new Random(20261122L);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < ROUNDS; i++) {
            survives("SIR", message(CommandCodes.SUBSCRIBER_INFORMATION, ApplicationIds.S6M, sirAvps(), r, true),
                    SubscriberInformationQuery::decode);
            survives("SIA", message(CommandCodes.SUBSCRIBER_INFORMATION, ApplicationIds.S6M, siaAvps(), r, false),
                    m -> assertNotNull(SubscriberInformationAnswer.decode(m)));
            survives("DTR", message(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4, dtrAvps(), r, true),
                    m -> DeviceTriggerCommand.decode(m, "mtc-iwf.test", Duration.ofHours(1), now));
            survives("DTA", message(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4,
                    List.of(TgppAvps.experimentalResult(5533), T4Avps.mtcErrorDiagnostic(1)), r, false),
                    m -> assertNotNull(T4Results.fromDta(m)));
            survives("DRR", message(CommandCodes.DELIVERY_REPORT, ApplicationIds.T4, drrAvps(), r, true),
                    DeliveryReportRequest::decode);
        }
    }
}
