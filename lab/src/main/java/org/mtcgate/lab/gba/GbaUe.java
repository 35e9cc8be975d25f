package org.mtcgate.lab.gba;

import org.mtcgate.bsf.ub.AkaNonce;
import org.mtcgate.bsf.ub.BootstrappingInfo;
import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.bsf.ub.UbRequestException;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKey;
import org.mtcgate.gba.bootstrap.NafKeyDerivation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * A UE with a software USIM that bootstraps over Ub (TS 33.220 4.5.2, TS 24.109 4.4): first GET with its IMPI,
 * the 401's RAND and AUTN to the USIM, then RES as the Digest password (or AUTS after a synchronisation failure,
 * and the new challenge), 200 with the B-TID, whose rspauth must prove the BSF knows XRES. Ks = CK || IK never
 * leaves the result; K never leaves the USIM.
 */
public final class GbaUe {
    /** Challenges answered at most: the first, one after a resynchronisation, one more. */
    static final int MAX_ROUNDS = 3;

    private final AkaCredentials credentials;
    private final Usim usim;
    private final UbClient ub;
    private final UnaryOperator<AkaNonce> onTheWay;
    private final SecureRandom random = new SecureRandom();

    public GbaUe(AkaCredentials credentials, UbClient ub) {
        this(credentials, ub, UnaryOperator.identity());
    }

    /** @param onTheWay what happens to a challenge between BSF and USIM (tests: an attacker flipping bits) */
    GbaUe(AkaCredentials credentials, UbClient ub, UnaryOperator<AkaNonce> onTheWay) {
        this.credentials = credentials;
        this.usim = new Usim(credentials);
        this.ub = ub;
        this.onTheWay = onTheWay;
    }

    /** A completed bootstrap as the UE keeps it. Its text form leaves Ks out. */
    public record Bootstrapped(Btid btid, Instant lifetime, Impi impi, Rand rand, Ks ks, int resyncs, UsimSequenceState usim) {
        /** Ks_NAF (GBA_ME) for a NAF (TS 33.220 B.3). */
        public NafKey nafKey(NafId naf) {
            return NafKeyDerivation.ksNaf(ks, rand, impi, naf);
        }

        @Override
        public String toString() {
            return "Bootstrapped[btid=" + btid + ", lifetime=" + lifetime + ", resyncs=" + resyncs + "]";
        }
    }

    /** Bootstraps with the USIM in {@code state}; the result carries the USIM's state after. */
    public Bootstrapped bootstrap(UsimSequenceState state) throws GbaUeException, IOException, InterruptedException {
        String impi = credentials.impi().value();
        UbClient.Response r = ub.get("Digest username=\"" + impi + "\", realm=\"\", nonce=\"\", uri=\"" + ub.uri()
                + "\", response=\"\"");
        int resyncs = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (r.status() != 401) {
                throw refused("the first request", r);
            }
            String header = r.header("WWW-Authenticate");
            DigestParameters challenge = read(() -> DigestParameters.parseChallengeOrCredentials(header), "the BSF's challenge");
            String realm = read(() -> challenge.require("realm"), "the BSF's challenge");
            String nonce = read(() -> challenge.require("nonce"), "the BSF's challenge");
            if (!DigestAka.ALGORITHM.equalsIgnoreCase(challenge.get("algorithm").orElse(""))) {
                throw new GbaUeException("the BSF's challenge is not " + DigestAka.ALGORITHM + ": " + header);
            }
            AkaNonce aka = onTheWay.apply(read(() -> AkaNonce.decode(nonce), "the BSF's nonce"));
            DigestAka.Input in = new DigestAka.Input(impi, realm, nonce, "GET", ub.uri(), DigestAka.QOP_AUTH_INT,
                    "00000001", HexFormat.of().formatHex(randomOctets()));
            Usim.Response usimSays = usim.authenticate(state, aka.rand(), aka.autn());
            if (usimSays instanceof Usim.MacFailure) {
                throw new GbaUeException("the USIM refused the BSF's challenge: AUTN does not verify (MAC-A), so the network "
                        + "is not authenticated (TS 33.102 6.3.3); nothing was sent back");
            }
            if (usimSays instanceof Usim.SyncFailure f) {
                resyncs++;
                String auts = Base64.getEncoder().encodeToString(f.auts().octets());
                r = ub.get(answer(in, DigestAka.response(in, new byte[0], new byte[0])) + ", auts=\"" + auts + "\"");
                continue;
            }
            Usim.Success s = (Usim.Success) usimSays;
            UbClient.Response ok = ub.get(answer(in, DigestAka.response(in, s.res().octets(), new byte[0])));
            if (ok.status() != 200) {
                throw refused("the answer to the challenge", ok);
            }
            DigestParameters info = read(() -> DigestParameters.parse(ok.header("Authentication-Info")), "Authentication-Info");
            String rspauth = info.get("rspauth").orElseThrow(() -> new GbaUeException("the BSF sent no rspauth"));
            if (!DigestAka.matches(DigestAka.rspauth(in, s.res().octets(), ok.body()), rspauth)) {
                throw new GbaUeException("the BSF's rspauth does not verify: it does not know XRES, or the body was changed");
            }
            BootstrappingInfo bi;
            try {
                bi = BootstrappingInfo.decode(ok.body());
            } catch (IllegalArgumentException e) {
                throw new GbaUeException("the BSF's 200 body is no BootstrappingInfo: " + e.getMessage());
            }
            return new Bootstrapped(bi.btid(), bi.lifetime(), credentials.impi(), aka.rand(), Ks.of(s.ck(), s.ik()), resyncs,
                    s.next());
        }
        throw new GbaUeException("no bootstrap after " + MAX_ROUNDS + " challenges");
    }

    private static String answer(DigestAka.Input in, String response) {
        return "Digest username=\"" + in.username() + "\", realm=\"" + in.realm() + "\", nonce=\"" + in.nonce()
                + "\", uri=\"" + in.uri() + "\", qop=" + in.qop() + ", nc=" + in.nc() + ", cnonce=\"" + in.cnonce()
                + "\", response=\"" + response + "\", algorithm=" + DigestAka.ALGORITHM;
    }

    private byte[] randomOctets() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    private static GbaUeException refused(String step, UbClient.Response r) {
        return new GbaUeException("the BSF answered " + step + " with " + r.status() + ": "
                + new String(r.body(), StandardCharsets.UTF_8).strip());
    }

    private interface Reading<T> {
        T read() throws GbaUeException;
    }

    private static <T> T read(Reading<T> reading, String what) throws GbaUeException {
        try {
            return reading.read();
        } catch (UbRequestException | IllegalArgumentException e) {
            throw new GbaUeException(what + " cannot be read: " + e.getMessage());
        }
    }
}
