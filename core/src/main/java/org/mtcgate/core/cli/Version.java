package org.mtcgate.core.cli;

import org.mtcgate.core.node.BuildInfo;
import picocli.CommandLine;

/** {@code mtcgate --version}: the version and git commit of the build. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mtcgate " + BuildInfo.describe()};
    }
}
