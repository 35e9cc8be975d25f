package org.mtcgate.t8;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.security.Signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BouncyCastle ES256 signer against the JDK's own ECDSA verification, which knows nothing of this code. */
class P256SignerTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void signaturesVerifyWithTheJdkAndBindTheInput() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        P256Signer signer = new P256Signer(key.toECPrivateKey(), random);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(body));
            jws.sign(signer);
            byte[] raw = jws.getSignature().decode();
            assertEquals(64, raw.length, "R and S, 32 octets each, however small either is");
            assertTrue(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier(key.toECPublicKey())));
            assertFalse(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier(other.toECPublicKey())));

            // The JDK's verifier, in the P1363 form (R || S), over the JWS signing input.
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
            jdk.initVerify(key.toECPublicKey());
            jdk.update(jws.getSigningInput());
            assertTrue(jdk.verify(raw));
            jdk.initVerify(key.toECPublicKey());
            byte[] changed = jws.getSigningInput().clone();
            changed[changed.length - 1] ^= 1;
            jdk.update(changed);
            assertFalse(jdk.verify(raw));
        }
    }

    @Test
    void signsEs256Only() throws Exception {
        P256Signer signer = new P256Signer(new ECKeyGenerator(Curve.P_256).generate().toECPrivateKey(), random);
        assertThrows(JOSEException.class, () -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), new byte[] {1}));
    }

    @Test
    void refusesAKeyOfAnotherCurve() throws Exception {
        ECKey p521 = new ECKeyGenerator(Curve.P_521).generate();
        assertThrows(IllegalArgumentException.class, () -> new P256Signer(p521.toECPrivateKey(), random));
    }
}
