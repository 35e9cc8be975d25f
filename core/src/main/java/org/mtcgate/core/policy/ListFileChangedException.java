package org.mtcgate.core.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * List files that changed on disk since the console's workspace read them (a hand edit, another tool): writing
 * or editing them from the console would drop that change, so nothing is done until the operator reloads.
 */
public final class ListFileChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    ListFileChangedException(List<Path> changed) {
        super(String.join(", ", changed.stream().map(Path::toString).toList())
                + (changed.size() == 1 ? " has" : " have") + " changed on disk since the policy was loaded:"
                + " 'policy reload' to load it as it is now (drops the console's unsaved changes), then make the"
                + " change again");
    }
}
