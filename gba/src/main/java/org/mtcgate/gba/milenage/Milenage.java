package org.mtcgate.gba.milenage;

import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.Mac;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Res;
import org.mtcgate.gba.Sqn;
import org.mtcgate.gba.SubscriberKey;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The MILENAGE algorithm set (TS 35.205, specification TS 35.206 clause 4) for one subscriber: f1, f1*, f2, f3,
 * f4, f5 and f5* over AES-128 as the kernel E_K, with the constants c1..c5 and rotations r1..r5 of TS 35.206
 * 4.1 (r1 = 64, r2 = 0, r3 = 32, r4 = 64, r5 = 96 bits; c1 = 0, c2..c5 = 1, 2, 4, 8 in the last octet).
 * One instance holds a cipher, so it serves one thread at a time; it is cheap to make.
 */
public final class Milenage {
    private static final int BLOCK = 16;

    private final Cipher kernel;
    private final byte[] opc;

    private Milenage(SubscriberKey k, byte[] opc) {
        this.kernel = aes(k.octets());
        this.opc = opc;
    }

    public static Milenage of(SubscriberKey k, OpC opc) {
        return new Milenage(k, opc.octets());
    }

    /** OPc = OP xor E_K(OP) (TS 35.206 4.1). OP is the operator's; only OPc need be kept per subscriber. */
    public static OpC opc(SubscriberKey k, byte[] op) {
        if (op.length != BLOCK) {
            throw new IllegalArgumentException("OP must be 16 octets");
        }
        return new OpC(xor(encrypt(aes(k.octets()), op), op));
    }

    /** f1: the network authentication code MAC-A. */
    public Mac f1(Rand rand, Sqn sqn, Amf amf) {
        return new Mac(Arrays.copyOfRange(out1(rand, sqn, amf), 0, 8));
    }

    /** f1*: the re-synchronisation code MAC-S (computed with the dummy AMF, {@link Amf#RESYNC}, by the callers). */
    public Mac f1Star(Rand rand, Sqn sqn, Amf amf) {
        return new Mac(Arrays.copyOfRange(out1(rand, sqn, amf), 8, 16));
    }

    /** f2, f3, f4 and f5 of one RAND, which always go together (TS 35.206 4.1, OUT2..OUT4). */
    public Outputs f2345(Rand rand) {
        byte[] temp = temp(rand);
        byte[] out2 = out(temp, 0, 1);
        return new Outputs(new Res(Arrays.copyOfRange(out2, 8, 16)), new Ck(out(temp, 32, 2)), new Ik(out(temp, 64, 4)),
                Arrays.copyOfRange(out2, 0, Sqn.LENGTH));
    }

    /** f5*: the anonymity key AK* that conceals SQN_MS in AUTS. */
    public byte[] f5Star(Rand rand) {
        return Arrays.copyOfRange(out(temp(rand), 96, 8), 0, Sqn.LENGTH);
    }

    /** RES (f2), CK (f3), IK (f4) and AK (f5, 6 octets) of one RAND. */
    public record Outputs(Res res, Ck ck, Ik ik, byte[] ak) {
        public Outputs {
            ak = ak.clone();
        }

        @Override
        public byte[] ak() {
            return ak.clone();
        }

        @Override
        public String toString() {
            return "Milenage.Outputs[secret]";
        }
    }

    private byte[] temp(Rand rand) {
        return encrypt(kernel, xor(rand.octets(), opc));
    }

    /** OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc, with IN1 = SQN || AMF || SQN || AMF. */
    private byte[] out1(Rand rand, Sqn sqn, Amf amf) {
        byte[] in1 = new byte[BLOCK];
        byte[] s = sqn.octets();
        byte[] a = amf.octets();
        System.arraycopy(s, 0, in1, 0, 6);
        System.arraycopy(a, 0, in1, 6, 2);
        System.arraycopy(s, 0, in1, 8, 6);
        System.arraycopy(a, 0, in1, 14, 2);
        byte[] x = xor(temp(rand), rotate(xor(in1, opc), 64));
        return xor(encrypt(kernel, x), opc);
    }

    /** OUTn = E_K(rot(TEMP xor OPc, r) xor c) xor OPc for n = 2..5, with c a single bit value in the last octet. */
    private byte[] out(byte[] temp, int rotateBits, int lastOctetConstant) {
        byte[] x = rotate(xor(temp, opc), rotateBits);
        x[BLOCK - 1] ^= (byte) lastOctetConstant;
        return xor(encrypt(kernel, x), opc);
    }

    /** Cyclic rotation of a 128-bit value by whole octets towards the most significant end (TS 35.206 4.1). */
    private static byte[] rotate(byte[] in, int bits) {
        int n = bits / 8;
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            out[i] = in[(i + n) % BLOCK];
        }
        return out;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static Cipher aes(byte[] key) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is part of every Java platform", e);
        }
    }

    private static byte[] encrypt(Cipher c, byte[] block) {
        try {
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES on one block cannot fail", e);
        }
    }
}
