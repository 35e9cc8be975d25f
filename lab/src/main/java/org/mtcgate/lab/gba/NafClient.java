package org.mtcgate.lab.gba;

import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.bsf.ub.UbRequestException;
import org.mtcgate.gba.bootstrap.NafId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * The UE on Ua after bootstrapping (TS 33.222 5.3 style, TS 24.109 HTTP Digest): a GET that the NAF answers with
 * its challenge (realm {@code 3GPP-bootstrapping@<NAF FQDN>}), then the same GET with the B-TID as username and
 * base64(Ks_NAF) as password; the 200's rspauth must prove the NAF holds Ks_NAF too. The realm must name the NAF
 * the UE derived the key for, and the NAF's certificate that FQDN ({@link UbClient}). Never prints a key.
 */
public final class NafClient {
    /** The realm's prefix for GBA_ME keys (TS 24.109). */
    public static final String REALM_PREFIX = "3GPP-bootstrapping@";

    private final UbClient http;
    private final UnaryOperator<UbClient.Response> onTheWay;
    private final SecureRandom random = new SecureRandom();

    public NafClient(UbClient http) {
        this(http, UnaryOperator.identity());
    }

    /** @param onTheWay what happens to the NAF's 200 before the UE reads it (tests: an attacker changing the body) */
    NafClient(UbClient http, UnaryOperator<UbClient.Response> onTheWay) {
        this.http = http;
        this.onTheWay = onTheWay;
    }

    /** The NAF accepted the UE: what it served, and the B-TID it authenticated. */
    public record Authenticated(String btid, String resource) {
    }

    /** Authenticates with Ks_NAF of {@code ue} for {@code naf} and returns the NAF's resource. */
    public Authenticated authenticate(GbaUe.Bootstrapped ue, NafId naf) throws GbaUeException, IOException, InterruptedException {
        UbClient.Response first = http.get();
        if (first.status() != 401) {
            throw refused("the request without credentials", first);
        }
        String header = first.header("WWW-Authenticate");
        DigestParameters challenge;
        try {
            challenge = DigestParameters.parseChallengeOrCredentials(header);
        } catch (UbRequestException e) {
            throw new GbaUeException("the NAF's challenge cannot be read: " + e.getMessage());
        }
        String realm = challenge.get("realm").orElse("");
        if (!realm.equals(REALM_PREFIX + naf.fqdn())) {
            throw new GbaUeException("the NAF's realm '" + realm + "' is not " + REALM_PREFIX + naf.fqdn()
                    + ": it is not the NAF the key is for");
        }
        if (!"MD5".equalsIgnoreCase(challenge.get("algorithm").orElse("MD5"))
                || !challenge.get("qop").orElse("").contains(DigestAka.QOP_AUTH_INT)) {
            throw new GbaUeException("the NAF's challenge is not Digest MD5 with qop auth-int: " + header);
        }
        byte[] password = Base64.getEncoder().encode(ue.nafKey(naf).octets());
        DigestAka.Input in = new DigestAka.Input(ue.btid().value(), realm, challenge.get("nonce").orElse(""), "GET",
                http.uri(), DigestAka.QOP_AUTH_INT, "00000001", HexFormat.of().formatHex(cnonce()));
        UbClient.Response ok = onTheWay.apply(http.get(authorization(in, DigestAka.response(in, password, new byte[0]))));
        if (ok.status() != 200) {
            throw refused("the Digest answer", ok);
        }
        String rspauth;
        try {
            rspauth = DigestParameters.parse(ok.header("Authentication-Info")).get("rspauth").orElse("");
        } catch (UbRequestException e) {
            throw new GbaUeException("the NAF's Authentication-Info cannot be read: " + e.getMessage());
        }
        if (!DigestAka.matches(DigestAka.rspauth(in, password, ok.body()), rspauth)) {
            throw new GbaUeException("the NAF's rspauth does not verify: it does not hold Ks_NAF, or the answer was changed");
        }
        return new Authenticated(ue.btid().value(), new String(ok.body(), StandardCharsets.UTF_8).strip());
    }

    /** An Authorization header for Ua (public for tests that send their own). */
    public static String authorization(DigestAka.Input in, String response) {
        return "Digest username=\"" + in.username() + "\", realm=\"" + in.realm() + "\", nonce=\"" + in.nonce()
                + "\", uri=\"" + in.uri() + "\", qop=" + in.qop() + ", nc=" + in.nc() + ", cnonce=\"" + in.cnonce()
                + "\", response=\"" + response + "\", algorithm=MD5";
    }

    private byte[] cnonce() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    private static GbaUeException refused(String step, UbClient.Response r) {
        return new GbaUeException("the NAF answered " + step + " with " + r.status() + ": "
                + new String(r.body(), StandardCharsets.UTF_8).strip());
    }
}
