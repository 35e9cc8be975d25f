package org.mtcgate.lab.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mtcgate.core.pki.LabPkiProvisioner;

/** What the node calls for {@code diameter.tls.generate-lab-pki: true}: a {@link LabPki} in the TLS files' folder. */
public final class LabPkiGenerator implements LabPkiProvisioner {
    @Override
    public List<Path> ensure(Path dir, List<String> identities) throws IOException {
        return new LabPki(dir).ensure(identities);
    }
}
