package org.mtcgate.gba.push;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The GPI profile mtcgate-gpi-1: this project's own layout, NOT the GPI of TS 33.223 (whose text was not at hand).
 * A version octet (1), then fields of tag (1 octet), length (2 octets, big-endian), value, in this fixed order:
 * 0x01 RAND (16), 0x02 AUTN (16), 0x03 NAF_Id (6..260), 0x04 UICC application label (0..255, optional),
 * 0x05 UICC/ME (1: 0 GBA_ME, 1 GBA_U), 0x06 key expiry (4, NTP seconds as Diameter Time), 0x07 P-TID encrypted
 * (1..255), 0x08 MAC (16). The MAC is HMAC-SHA-256-128 under K_gpi_int over every octet before the MAC field; P-TID
 * is AES-128-CTR under K_gpi_enc with a zero counter block (the key is new with every RAND, so used once). Both
 * keys: KDF(Ks, 0xF1, "mtcgate-gpi-1 int"/"mtcgate-gpi-1 enc", RAND, NAF_Id), so only the BSF and the UE's USIM
 * side (who hold Ks) can make or open a GPI. Anything else (unknown or repeated field, wrong order or length,
 * trailing octets, over {@link #MAX_LENGTH}) is refused, naming the octet.
 */
public final class MtcgateGpi1 implements GpiCodec {
    public static final String NAME = "mtcgate-gpi-1";
    public static final int VERSION = 1;
    /** Largest GPI accepted: far above the largest one built (about 600 octets), below an SM chain. */
    public static final int MAX_LENGTH = 1024;
    static final int TAG_RAND = 0x01;
    static final int TAG_AUTN = 0x02;
    static final int TAG_NAF_ID = 0x03;
    static final int TAG_APP_LABEL = 0x04;
    static final int TAG_UICC_ME = 0x05;
    static final int TAG_KEY_EXPIRY = 0x06;
    static final int TAG_PTID = 0x07;
    static final int TAG_MAC = 0x08;
    /** Seconds from the NTP epoch (1900) to the Unix epoch, as Diameter Time counts (RFC 6733 4.3.1). */
    private static final long NTP_OFFSET = 2_208_988_800L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(Gpi gpi, Ks ks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        field(out, TAG_RAND, gpi.rand().octets());
        field(out, TAG_AUTN, gpi.autn().octets());
        field(out, TAG_NAF_ID, gpi.nafId().encoded());
        if (gpi.appLabel().length > 0) {
            field(out, TAG_APP_LABEL, gpi.appLabel());
        }
        field(out, TAG_UICC_ME, new byte[] {(byte) gpi.mode().code()});
        field(out, TAG_KEY_EXPIRY, ntp(gpi.keyExpiry()));
        Keys k = Keys.of(ks, gpi.rand(), gpi.nafId());
        field(out, TAG_PTID, ProfileCrypto.ctr(k.enc, new byte[16], gpi.ptid().octets()));
        byte[] covered = out.toByteArray();
        field(out, TAG_MAC, ProfileCrypto.mac(k.integrity, covered, covered.length));
        return out.toByteArray();
    }

    @Override
    public SealedGpi read(byte[] octets) throws PushRejectedException {
        Parsed p = parse(octets);
        return new SealedGpi(p.rand, p.autn, p.nafId, p.mode, p.expiry, octets);
    }

    @Override
    public Gpi open(SealedGpi sealed, Ks ks) throws PushRejectedException {
        byte[] octets = sealed.octets();
        Parsed p = parse(octets);
        Keys k = Keys.of(ks, p.rand, p.nafId);
        if (!ProfileCrypto.macMatches(ProfileCrypto.mac(k.integrity, octets, p.macAt - 3), octets, p.macAt)) {
            throw new PushRejectedException(PushRejectedException.Kind.MAC,
                    "the GPI's MAC does not verify under the Ks of its RAND: it was changed on the way, or not made by the BSF");
        }
        return new Gpi(p.rand, p.autn, p.nafId, p.appLabel, p.mode, p.expiry,
                new Ptid(ProfileCrypto.ctr(k.enc, new byte[16], p.encryptedPtid)));
    }

    private record Keys(byte[] enc, byte[] integrity) {
        static Keys of(Ks ks, Rand rand, NafId naf) {
            byte[] r = rand.octets();
            byte[] n = naf.encoded();
            return new Keys(ProfileCrypto.derive(ks.octets(), ProfileCrypto.FC_GPI, NAME + " enc", r, n),
                    ProfileCrypto.derive(ks.octets(), ProfileCrypto.FC_GPI, NAME + " int", r, n));
        }
    }

    private record Parsed(Rand rand, Autn autn, NafId nafId, byte[] appLabel, GbaMode mode, Instant expiry,
                          byte[] encryptedPtid, int macAt) {
    }

    private static Parsed parse(byte[] o) throws PushRejectedException {
        if (o.length == 0) {
            throw PushRejectedException.malformed("the GPI is empty");
        }
        if (o.length > MAX_LENGTH) {
            throw PushRejectedException.malformed("the GPI has " + o.length + " octets; " + NAME + " allows at most " + MAX_LENGTH);
        }
        if ((o[0] & 0xFF) != VERSION) {
            throw PushRejectedException.malformed(String.format("GPI version 0x%02X is not %s (version %d)", o[0] & 0xFF,
                    NAME, VERSION));
        }
        Reader r = new Reader(o);
        Rand rand = new Rand(r.field(TAG_RAND, "RAND", Rand.LENGTH, Rand.LENGTH));
        Autn autn = new Autn(r.field(TAG_AUTN, "AUTN", Autn.LENGTH, Autn.LENGTH));
        int nafAt = r.at;
        NafId nafId = nafId(r.field(TAG_NAF_ID, "NAF_Id", UaSecurityProtocolId.LENGTH + 1, 255 + UaSecurityProtocolId.LENGTH), nafAt);
        byte[] label = r.nextTag() == TAG_APP_LABEL ? r.field(TAG_APP_LABEL, "UICC application label", 1, Gpi.MAX_APP_LABEL)
                : new byte[0];
        int modeAt = r.at;
        GbaMode mode;
        try {
            mode = GbaMode.ofCode(r.field(TAG_UICC_ME, "UICC/ME", 1, 1)[0] & 0xFF);
        } catch (IllegalArgumentException e) {
            throw PushRejectedException.malformed("GPI field 0x05 (UICC/ME) at octet " + modeAt + ": " + e.getMessage());
        }
        byte[] expiry = r.field(TAG_KEY_EXPIRY, "key expiry", 4, 4);
        byte[] ptid = r.field(TAG_PTID, "P-TID", 1, Ptid.MAX_LENGTH);
        int macField = r.at;
        r.field(TAG_MAC, "MAC", ProfileCrypto.MAC_LENGTH, ProfileCrypto.MAC_LENGTH);
        if (r.at != o.length) {
            throw PushRejectedException.malformed("the GPI has " + (o.length - r.at) + " octet(s) after its MAC, at octet " + r.at);
        }
        return new Parsed(rand, autn, nafId, label, mode, instant(expiry), ptid, macField + 3);
    }

    private static NafId nafId(byte[] v, int at) throws PushRejectedException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(v, 0, v.length - UaSecurityProtocolId.LENGTH));
            return NafId.decode(v);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw PushRejectedException.malformed("GPI field 0x03 (NAF_Id) at octet " + at + ": its FQDN is not UTF-8 text");
        }
    }

    /** Reads tag-length-value fields in a fixed order. */
    private static final class Reader {
        final byte[] o;
        int at = 1;

        Reader(byte[] o) {
            this.o = o;
        }

        int nextTag() {
            return at < o.length ? o[at] & 0xFF : -1;
        }

        byte[] field(int tag, String name, int min, int max) throws PushRejectedException {
            String what = String.format("GPI field 0x%02X (%s)", tag, name);
            if (o.length - at < 3) {
                throw PushRejectedException.malformed("the GPI ends at octet " + o.length + " where " + what
                        + " should start (a field header is 3 octets)");
            }
            int got = o[at] & 0xFF;
            if (got != tag) {
                throw PushRejectedException.malformed(String.format("at octet %d the GPI has field 0x%02X where %s is due",
                        at, got, what));
            }
            int length = (o[at + 1] & 0xFF) << 8 | o[at + 2] & 0xFF;
            if (length < min || length > max) {
                throw PushRejectedException.malformed(what + " at octet " + at + " has length " + length + "; "
                        + (min == max ? min + "" : min + " to " + max) + " allowed");
            }
            if (o.length - at - 3 < length) {
                throw PushRejectedException.malformed(what + " at octet " + at + " says " + length + " octets, "
                        + (o.length - at - 3) + " left");
            }
            byte[] v = Arrays.copyOfRange(o, at + 3, at + 3 + length);
            at += 3 + length;
            return v;
        }
    }

    private static void field(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    static byte[] ntp(Instant t) {
        long s = t.getEpochSecond() + NTP_OFFSET;
        if (s < 0 || s > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a key expiry must fit NTP seconds (1900 to 2036)");
        }
        return new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s};
    }

    static Instant instant(byte[] four) {
        long s = ((four[0] & 0xFFL) << 24) | ((four[1] & 0xFFL) << 16) | ((four[2] & 0xFFL) << 8) | (four[3] & 0xFFL);
        return Instant.ofEpochSecond(s - NTP_OFFSET);
    }
}
