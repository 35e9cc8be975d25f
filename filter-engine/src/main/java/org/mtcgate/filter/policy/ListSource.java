package org.mtcgate.filter.policy;

import java.io.IOException;
import java.io.Reader;

/** Opens the number-list files a policy names (relative to the policy file), so the loader itself does no path work. */
public interface ListSource {
    Reader open(String name) throws IOException;

    /** The name to show in errors, such as the resolved path. */
    String describe(String name);

    /** For policies that name no list files. */
    ListSource NONE = new ListSource() {
        @Override
        public Reader open(String name) throws IOException {
            throw new IOException("this policy source cannot open list files");
        }

        @Override
        public String describe(String name) {
            return name;
        }
    };
}
