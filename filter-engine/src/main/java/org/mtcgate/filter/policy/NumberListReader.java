package org.mtcgate.filter.policy;

import org.mtcgate.filter.policy.spec.NumberList;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/** Reads one number list file: one MSISDN a line; blank lines and lines starting with '#' are skipped. */
final class NumberListReader {
    private NumberListReader() {
    }

    /** Reads {@code name} through {@code lists}; a bad line is refused with the list file's own name and line. */
    static NumberList read(String name, ListSource lists) throws ConfigException, IOException {
        String shown = lists.describe(name);
        long[] values = new long[1 << 10];
        byte[] lengths = new byte[1 << 10];
        int count = 0;
        try (Reader r = lists.open(name); BufferedReader in = new BufferedReader(r, 1 << 16)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int start = 0;
                int end = line.length();
                while (start < end && line.charAt(start) <= ' ') {
                    start++;
                }
                while (end > start && line.charAt(end - 1) <= ' ') {
                    end--;
                }
                if (start == end || line.charAt(start) == '#') {
                    continue;
                }
                if (line.charAt(start) == '+') {
                    start++;
                }
                int len = end - start;
                if (len < 1 || len > 15) {
                    throw new ConfigException(shown, lineNo, "", "'" + line.trim() + "' is not an MSISDN of 1 to 15 digits");
                }
                long v = 0;
                for (int i = start; i < end; i++) {
                    char c = line.charAt(i);
                    if (c < '0' || c > '9') {
                        throw new ConfigException(shown, lineNo, "", "'" + line.trim() + "' has a non-digit '" + c + "'");
                    }
                    v = v * 10 + (c - '0');
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                    lengths = Arrays.copyOf(lengths, count * 2);
                }
                values[count] = v;
                lengths[count++] = (byte) len;
            }
        }
        return new NumberList(name, Arrays.copyOf(values, count), Arrays.copyOf(lengths, count));
    }
}
