package org.mtcgate.core.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest; "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = MtcGate.class.getPackage().getImplementationVersion();
        return new String[] {"mtcgate " + (v == null ? "development build" : v)};
    }
}
