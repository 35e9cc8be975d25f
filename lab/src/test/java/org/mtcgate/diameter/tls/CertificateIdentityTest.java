package org.mtcgate.diameter.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtcgate.lab.pki.LabCertificateAuthority;

class CertificateIdentityTest {
    private static final LabCertificateAuthority CA = LabCertificateAuthority.create("test CA", Duration.ofDays(1));

    @Test
    void sanDnsNameIsTheIdentity() {
        var c = CA.issue("scs1.example.test", Duration.ofDays(1)).certificate();
        assertEquals(List.of("scs1.example.test"), CertificateIdentity.identities(c));
        assertTrue(CertificateIdentity.matches(c, "SCS1.Example.Test"));
        assertFalse(CertificateIdentity.matches(c, "scs2.example.test"));
    }

    @Test
    void commonNameIsUsedOnlyWithoutSan() {
        var cnOnly = CA.issue("cn-only.example.test", List.of(), Duration.ofDays(1)).certificate();
        assertTrue(CertificateIdentity.matches(cnOnly, "cn-only.example.test"));
        var sanWins = CA.issue("cn.example.test", List.of("san.example.test"), Duration.ofDays(1)).certificate();
        assertFalse(CertificateIdentity.matches(sanWins, "cn.example.test"));
        assertTrue(CertificateIdentity.matches(sanWins, "san.example.test"));
    }
}
