package org.mtcgate.t8;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.Set;

/**
 * ES256 (RFC 7518 3.4) on BouncyCastle's own P-256 arithmetic: JDK 17's generic EC code took about half a millisecond
 * a signature, which made signing every T8 delivery report the largest single cost of the T8 path. The result is the
 * JWS form, R and S as 32 octets each; verification stays with nimbus on the JDK.
 */
final class P256Signer implements JWSSigner {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final int FIELD_OCTETS = 32;

    private final ECPrivateKeyParameters key;
    private final SecureRandom random;
    private final JCAContext jca = new JCAContext();

    P256Signer(ECPrivateKey privateKey, SecureRandom random) {
        BigInteger d = privateKey.getS();
        boolean p256 = privateKey.getParams() != null && privateKey.getParams().getOrder().equals(DOMAIN.getN())
                && privateKey.getParams().getGenerator().getAffineX().equals(DOMAIN.getG().getAffineXCoord().toBigInteger());
        if (!p256 || d.signum() <= 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        this.key = new ECPrivateKeyParameters(d, DOMAIN);
        this.random = random;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer makes ES256 only, not " + header.getAlgorithm());
        }
        SHA256Digest sha = new SHA256Digest();
        sha.update(signingInput, 0, signingInput.length);
        byte[] hash = new byte[sha.getDigestSize()];
        sha.doFinal(hash, 0);
        // A signer per signature: ECDSASigner keeps its key in fields, and reports are signed on several threads.
        ECDSASigner ecdsa = new ECDSASigner();
        ecdsa.init(true, new ParametersWithRandom(key, random));
        BigInteger[] rs = ecdsa.generateSignature(hash);
        byte[] jws = new byte[2 * FIELD_OCTETS];
        BigIntegers.asUnsignedByteArray(rs[0], jws, 0, FIELD_OCTETS);
        BigIntegers.asUnsignedByteArray(rs[1], jws, FIELD_OCTETS, FIELD_OCTETS);
        return Base64URL.encode(jws);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
