package org.mtcgate.core.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes lab TLS files for {@code diameter.tls.generate-lab-pki: true}. The implementation is in the lab jar, found
 * with {@link java.util.ServiceLoader}: a node without the lab jar has no certificate authority in it.
 */
public interface LabPkiProvisioner {
    /**
     * Makes the CA ({@code ca.crt}, {@code ca.key}) in {@code dir} if it has none, then {@code <identity>.crt} and
     * {@code <identity>.key} for each identity that has none; returns the files it made.
     */
    List<Path> ensure(Path dir, List<String> identities) throws IOException;
}
