package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The strict decoders as the router and the MO path use them ({@link TpduCodec#decodeMt}, {@link
 * TpduCodec#decodeMo}): arbitrary octets decode or raise {@link TpduException}, nothing else; what decodes is
 * canonical (re-encoding gives the same octets), so nothing is passed that we read one way and a handset
 * another; and every valid generated TPDU survives encoding and decoding unchanged. Tries are bounded to keep
 * CI short.
 */
class TpduPropertyTest {

    @Property(tries = 5_000)
    void arbitraryOctetsDecodeCanonicallyOrAreRefused(@ForAll @Size(max = 180) byte[] octets) throws TpduException {
        checkStrict(octets);
    }

    /** Valid TPDUs with a few octets changed: deep into the decoder, where the checks that matter are. */
    @Property(tries = 5_000)
    void mutatedValidTpdusDecodeCanonicallyOrAreRefused(@ForAll("anyTpdu") Tpdu tpdu,
                                                       @ForAll @Size(min = 1, max = 3) List<Integer> positions,
                                                       @ForAll @Size(min = 3, max = 3) List<Byte> values)
            throws TpduException {
        byte[] octets = TpduCodec.encodeTpdu(tpdu);
        for (int i = 0; i < positions.size(); i++) {
            octets[Math.floorMod(positions.get(i), octets.length)] = values.get(i);
        }
        checkStrict(octets);
    }

    @Property(tries = 2_000)
    void validTpdusRoundTrip(@ForAll("anyTpdu") Tpdu tpdu) throws TpduException {
        byte[] octets = TpduCodec.encodeTpdu(tpdu);
        Tpdu back = tpdu instanceof SmsDeliver || tpdu instanceof SmsStatusReport
                ? TpduCodec.decodeMt(octets) : TpduCodec.decodeMo(octets);
        assertEquals(tpdu, back);
        assertArrayEquals(octets, TpduCodec.encodeTpdu(back));
    }

    private static void checkStrict(byte[] octets) throws TpduException {
        for (boolean mt : new boolean[] {true, false}) {
            Tpdu decoded;
            try {
                decoded = mt ? TpduCodec.decodeMt(octets) : TpduCodec.decodeMo(octets);
            } catch (TpduException refused) {
                continue; // the documented refusal
            }
            assertArrayEquals(octets, TpduCodec.encodeTpdu(decoded), Hex.of(octets));
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Tpdu> anyTpdu() {
        return Arbitraries.oneOf(deliver(), statusReport(), submit(), command()).filter(TpduPropertyTest::encodable);
    }

    private static boolean encodable(Tpdu tpdu) {
        try {
            TpduCodec.encodeTpdu(tpdu);
            return true;
        } catch (TpduException e) {
            return false;
        }
    }

    private static Arbitrary<SmsAddress> address() {
        Arbitrary<SmsAddress> numeric = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.strings().withChars("0123456789*#abc").ofMaxLength(20))
                .as(SmsAddress::new);
        Arbitrary<SmsAddress> alpha = Arbitraries.strings().withChars("ABCXYZabc0189 ").ofMinLength(1).ofMaxLength(11)
                .map(SmsAddress::alphanumeric);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, numeric), net.jqwik.api.Tuple.of(1, alpha))
                .filter(TpduPropertyTest::canonicalAddress);
    }

    /** Alphanumeric values whose packing leaves trailing zero septets read back longer; keep the ones that don't. */
    private static boolean canonicalAddress(SmsAddress address) {
        if (!address.isAlphanumeric()) {
            return true;
        }
        try {
            byte[] octets = address.encode();
            TpduReader in = new TpduReader(octets);
            return SmsAddress.decode(in, "TP-OA").equals(address);
        } catch (TpduException e) {
            return false;
        }
    }

    private static Arbitrary<ServiceCentreTimeStamp> timeStamp() {
        Arbitrary<Integer> twoDigits = Arbitraries.integers().between(0, 99);
        return Combinators.combine(twoDigits, twoDigits, twoDigits, twoDigits, twoDigits, twoDigits,
                Arbitraries.integers().between(-79, 79)).as(ServiceCentreTimeStamp::new);
    }

    /** At most one port IE and one concatenation IE (the decoder refuses a second), plus other IEs. */
    private static Arbitrary<UserDataHeader> header() {
        Arbitrary<InformationElement> port = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF)).as(InformationElement::applicationPort16);
        Arbitrary<InformationElement> part = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 255))
                .as((ref, total) -> InformationElement.concatenation8(ref, total, 1 + ref % total));
        Arbitrary<InformationElement> other = Arbitraries.oneOf(Arbitraries.just(InformationElement.otaCommandPacket()),
                Combinators.combine(Arbitraries.integers().between(0x10, 0x7F),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(6)).as(InformationElement::new));
        return Combinators.combine(port.optional(), part.optional(), other.list().ofMaxSize(3)).as((p, c, rest) -> {
            java.util.List<InformationElement> ies = new java.util.ArrayList<>(rest);
            p.ifPresent(ie -> ies.add(0, ie));
            c.ifPresent(ies::add);
            return new UserDataHeader(ies);
        });
    }

    /** A TP-DCS and user data in the alphabet it selects. */
    private static Arbitrary<Object[]> dcsAndUserData() {
        Arbitrary<UserDataHeader> header = Arbitraries.oneOf(Arbitraries.just((UserDataHeader) null), header());
        Arbitrary<Integer> dcs = Arbitraries.integers().between(0, 255);
        return Combinators.combine(dcs, header, Arbitraries.bytes().array(byte[].class).ofMaxSize(140))
                .as((d, h, body) -> {
                    CharacterSet set = CharacterSet.fromDataCodingScheme(d);
                    byte[] content = body;
                    if (set == CharacterSet.GSM_7BIT) {
                        content = body.clone();
                        for (int i = 0; i < content.length; i++) {
                            content[i] &= 0x7F;
                        }
                    }
                    return new Object[] {d, new UserData(set, h, content)};
                });
    }

    private static Arbitrary<Tpdu> deliver() {
        Arbitrary<Boolean> bit = Arbitraries.of(true, false);
        return Combinators.combine(bit, bit, bit, bit, address(), Arbitraries.integers().between(0, 255),
                timeStamp(), dcsAndUserData()).as((mms, lp, sri, rp, oa, pid, scts, du) ->
                new SmsDeliver(mms, lp, sri, rp, oa, pid, (Integer) du[0], scts, (UserData) du[1]));
    }

    private static Arbitrary<Tpdu> statusReport() {
        Arbitrary<Boolean> bit = Arbitraries.of(true, false);
        return Combinators.combine(Combinators.combine(bit, bit, bit).as((a, b, c) -> new boolean[] {a, b, c}),
                Arbitraries.integers().between(0, 255), address(), timeStamp(), timeStamp(),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(-1, 7), dcsAndUserData())
                .as((flags, mr, ra, scts, dt, st, pi, du) -> {
                    int p = Math.max(pi, 0);
                    int pid = (p & SmsStatusReport.PI_PID) != 0 ? mr : 0;
                    int dcs = (p & SmsStatusReport.PI_DCS) != 0 ? (Integer) du[0] : 0;
                    UserData ud = null;
                    if ((p & SmsStatusReport.PI_UDL) != 0) {
                        UserData given = (UserData) du[1];
                        ud = new UserData(CharacterSet.fromDataCodingScheme(dcs), given.header(),
                                CharacterSet.fromDataCodingScheme(dcs) == CharacterSet.GSM_7BIT
                                        ? septets(given.body()) : given.body());
                    }
                    return new SmsStatusReport(flags[0], flags[1], flags[2], mr, ra, scts, dt, st, pi, pid, dcs, ud);
                });
    }

    private static byte[] septets(byte[] body) {
        byte[] out = body.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0x7F;
        }
        return out;
    }

    private static Arbitrary<Tpdu> submit() {
        Arbitrary<Boolean> bit = Arbitraries.of(true, false);
        Arbitrary<ValidityPeriod> vp = Arbitraries.oneOf(Arbitraries.just(new ValidityPeriod.None()),
                Arbitraries.integers().between(0, 255).map(ValidityPeriod.Relative::new),
                Arbitraries.bytes().array(byte[].class).ofSize(7).map(ValidityPeriod.Enhanced::new),
                timeStamp().map(ValidityPeriod.Absolute::new));
        return Combinators.combine(bit, bit, bit, Arbitraries.integers().between(0, 255), address(),
                Arbitraries.integers().between(0, 255), vp, dcsAndUserData()).as((rd, srr, rp, mr, da, pid, v, du) ->
                new SmsSubmit(rd, srr, rp, mr, da, pid, (Integer) du[0], v, (UserData) du[1]));
    }

    private static Arbitrary<Tpdu> command() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, SmsCommand.LAST_STANDARD_COMMAND),
                Arbitraries.integers().between(0, 255), address(),
                Arbitraries.oneOf(Arbitraries.just((UserDataHeader) null), header()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(140))
                .as(SmsCommand::new);
    }
}
