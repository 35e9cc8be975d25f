package org.mtcgate.t8;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node as OAuth 2.0 authorisation server for T8 (TS 33.187 5.5.3, RFC 6749 4.4): access tokens are JWTs
 * (RFC 9068 shape) signed with ES256, naming the issuer, the API as audience, the SCS/AS as subject and client, the
 * scopes granted, a short expiry and a unique jti. Each token is bound to the client certificate it was asked for
 * over (RFC 8705 {@code cnf.x5t#S256}), so a token copied off one SCS/AS's host is useless on another connection.
 */
public final class AccessTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ECKey key;
    private final ECDSAVerifier verifier;
    /** Made once: converting the key for each signature was a fifth of a notification's cost. */
    private final JWSSigner signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    /** Tokens whose signature and claims were checked, until they expire; bounded. */
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 10_000;

    public AccessTokens(KeyPair pair, String issuer, String audience, Duration lifetime, Clock clock) {
        try {
            ECKey k = pair == null ? new ECKeyGenerator(Curve.P_256).generate()
                    : new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).privateKey((ECPrivateKey) pair.getPrivate()).build();
            this.key = new ECKey.Builder(k).keyID(k.computeThumbprint().toString()).build();
            this.verifier = new ECDSAVerifier(key.toECPublicKey());
            this.signer = new P256Signer(key.toECPrivateKey(), RANDOM);
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("the token key must be an EC P-256 key pair: " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * The signing key pair from PEM (an EC P-256 private key whose encoding carries its public key, as
     * {@code openssl ecparam -genkey -name prime256v1} writes it; needs BouncyCastle at run time, which the node has).
     */
    public static KeyPair keyPairFromPem(String pem) {
        try {
            com.nimbusds.jose.jwk.JWK jwk = com.nimbusds.jose.jwk.JWK.parseFromPEMEncodedObjects(pem);
            ECKey ec = jwk.toECKey();
            if (!Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
                throw new IllegalArgumentException("not an EC P-256 private key");
            }
            return new KeyPair(ec.toECPublicKey(), ec.toECPrivateKey());
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC P-256 key pair in PEM: " + e.getMessage(), e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The public key as a JWK set, for SCS/ASs that verify notifications. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** The signing key (notifications are signed with it too). */
    ECKey signingKey() {
        return key;
    }

    /** A token for {@code client} with {@code scopes}, bound to the certificate it authenticated with. */
    public String issue(String scsAsId, Set<Scope> scopes, X509Certificate certificate) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(scsAsId)
                .claim("client_id", scsAsId)
                .claim("scope", scopes.stream().map(Scope::token).sorted().collect(Collectors.joining(" ")))
                .claim("cnf", Map.of("x5t#S256", thumbprint(certificate)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(HexFormat.of().formatHex(randomBytes(16)))
                .build();
        return sign(claims, new JOSEObjectType("at+jwt"));
    }

    String sign(JWTClaimsSet claims, JOSEObjectType type) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * Checks a bearer token presented over a connection that authenticated {@code certificate}: signature, type,
     * issuer, audience, expiry, subject and certificate binding. Scope is the caller's (it depends on the operation).
     */
    public TokenCheck check(String token, X509Certificate certificate) {
        // An ECDSA verification costs a millisecond or more: each token is verified once, then recognised.
        Verified known = verified.get(token);
        if (known != null) {
            if (!known.expires().isAfter(clock.instant())) {
                verified.remove(token);
                return TokenCheck.invalid("the token has expired");
            }
            return known.thumbprint().equals(thumbprint(certificate)) ? TokenCheck.valid(known.scsAsId(), known.scopes())
                    : TokenCheck.invalid("the token was issued for another client certificate");
        }
        TokenCheck checked = verify(token, certificate);
        if (checked.isValid()) {
            remember(token, new Verified(checked.scsAsId(), checked.scopes(), expiry(token), thumbprint(certificate)));
        }
        return checked;
    }

    private record Verified(String scsAsId, Set<Scope> scopes, Instant expires, String thumbprint) {
    }

    private void remember(String token, Verified v) {
        if (verified.size() >= MAX_VERIFIED) {
            Instant now = clock.instant();
            verified.values().removeIf(e -> !e.expires().isAfter(now));
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
        }
        verified.put(token, v);
    }

    private static Instant expiry(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("a verified token no longer parses", e);
        }
    }

    private TokenCheck verify(String token, X509Certificate certificate) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return TokenCheck.invalid("the token's signature does not verify");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return TokenCheck.invalid("the token is not a signed JWT");
        }
        if (!issuer.equals(claims.getIssuer())) {
            return TokenCheck.invalid("the token was issued by someone else");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return TokenCheck.invalid("the token is not meant for this API (audience)");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
            return TokenCheck.invalid("the token has expired");
        }
        Object cnf = claims.getClaim("cnf");
        if (!(cnf instanceof Map<?, ?> m) || !thumbprint(certificate).equals(m.get("x5t#S256"))) {
            return TokenCheck.invalid("the token was issued for another client certificate");
        }
        Object scope;
        try {
            scope = claims.getStringClaim("scope");
        } catch (ParseException e) {
            return TokenCheck.invalid("the token's scope is not a string");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (scope != null) {
            for (String s : scope.toString().split(" ")) {
                Scope known = Scope.ofToken(s);
                if (known != null) {
                    scopes.add(known);
                }
            }
        }
        return TokenCheck.valid(claims.getSubject(), scopes);
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash the client certificate: " + e.getMessage(), e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
