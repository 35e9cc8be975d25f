package org.mtcgate.map.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mobicents.protocols.asn.AsnInputStream;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCBeginIndication;
import org.mobicents.protocols.ss7.tcap.asn.DialogRequestAPDU;
import org.mobicents.protocols.ss7.tcap.asn.TcapFactory;
import org.mobicents.protocols.ss7.tcap.asn.comp.TCBeginMessage;
import org.mtcgate.map.attack.wire.MapParams;
import org.mtcgate.map.attack.wire.Tcap;

/**
 * Fuzzing of the TC-BEGIN decode path as the node runs it: bytes go through jSS7's TCAP decoder
 * ({@code TcapFactory.createTCBeginMessage}, as TCAPProviderImpl calls it), and whatever decodes is judged by the
 * {@link BeginScreen}, which decodes MAP-OPEN and the SMS parameters with jSS7's MAP decoders. Property: the
 * screen never throws, whatever TCAP let through; it either refuses with a verdict or lets through a TC-BEGIN
 * whose one invoke MAP can decode. The seeds are valid TC-BEGINs from the attack tests' builders; the node-level
 * counterpart (mutants sent over M3UA, no dialog left open) is in {@code DialogAttackTest}.
 */
class BeginScreenFuzzTest {
    private static final List<byte[]> SEEDS = List.of(
            Tcap.beginWithOneInvoke(1, Tcap.acn(Tcap.SHORT_MSG_GATEWAY, 3), 1, MapParams.SEND_ROUTING_INFO_FOR_SM,
                    MapParams.sriForSm("491701000001", "33612000000")),
            Tcap.beginWithOneInvoke(2, Tcap.acn(Tcap.SHORT_MSG_MT_RELAY, 3), 1, MapParams.MT_FORWARD_SM,
                    MapParams.mtForwardSm("262011234567890", "33612000000",
                            MapParams.smsDeliver("4930123456", 0, new byte[] {1, 2, 3}))),
            Tcap.beginWithOneInvoke(3, Tcap.acn(Tcap.SHORT_MSG_MT_RELAY, 2), 1, MapParams.MO_FORWARD_SM,
                    MapParams.mtForwardSmLongLengths("262011234567890", "33612000000",
                            MapParams.smsDeliver("4930123456", 0x7F, new byte[] {1}))));

    private final BeginScreen screen = new BeginScreen();

    @Property(tries = 1000, seed = "33187")
    void mutatedBeginsAreJudgedNeverThrown(@ForAll("mutants") byte[] bytes) {
        TCBeginMessage message;
        try {
            AsnInputStream ais = new AsnInputStream(bytes);
            ais.readTag();
            message = TcapFactory.createTCBeginMessage(ais);
        } catch (Exception e) {
            return; // TCAP refuses it (a P-ABORT, or dropped without a transaction id): MAP never sees it
        }
        TCBeginIndication begin = indication(message);
        BeginScreen.Verdict verdict = screen.check(begin); // must not throw
        BeginScreen.operation(begin);
        BeginScreen.context(begin);
        if (verdict == null && begin.getComponents() != null) {
            assertEquals(1, begin.getComponents().length, "only one component passes");
        }
    }

    @Property(tries = 50)
    void validSeedsPass(@ForAll("seedIndex") int i) throws Exception {
        AsnInputStream ais = new AsnInputStream(SEEDS.get(i));
        ais.readTag();
        assertNull(screen.check(indication(TcapFactory.createTCBeginMessage(ais))));
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    /** A seed with 1..4 octets replaced, or cut short, or with an octet inserted. */
    @Provide
    Arbitrary<byte[]> mutants() {
        return Combinators.combine(seedIndex(), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.bytes().list().ofMinSize(4).ofMaxSize(4)).as((i, kind, positions, values) -> {
                    byte[] seed = SEEDS.get(i);
                    return switch (kind) {
                        case 0 -> {
                            byte[] m = seed.clone();
                            for (int k = 0; k < positions.size(); k++) {
                                m[positions.get(k) % m.length] = values.get(k);
                            }
                            yield m;
                        }
                        case 1 -> java.util.Arrays.copyOf(seed, 2 + positions.get(0) % (seed.length - 2));
                        default -> {
                            int at = 1 + positions.get(0) % (seed.length - 1);
                            byte[] m = new byte[seed.length + 1];
                            System.arraycopy(seed, 0, m, 0, at);
                            m[at] = values.get(0);
                            System.arraycopy(seed, at, m, at + 1, seed.length - at);
                            yield m;
                        }
                    };
                });
    }

    /** The indication TCAP would deliver for {@code message} (its dialog is not needed by the screen). */
    static TCBeginIndication indication(TCBeginMessage message) {
        DialogRequestAPDU request = message.getDialogPortion() != null
                && message.getDialogPortion().getDialogAPDU() instanceof DialogRequestAPDU r ? r : null;
        return (TCBeginIndication) Proxy.newProxyInstance(BeginScreenFuzzTest.class.getClassLoader(),
                new Class<?>[] {TCBeginIndication.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponents" -> message.getComponent();
                    case "getApplicationContextName" -> request == null ? null : request.getApplicationContextName();
                    case "getUserInformation" -> request == null ? null : request.getUserInformation();
                    case "toString" -> "begin";
                    default -> null;
                });
    }
}
