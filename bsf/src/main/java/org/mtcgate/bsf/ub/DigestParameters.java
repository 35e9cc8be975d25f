package org.mtcgate.bsf.ub;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The auth-params of an HTTP Digest header (RFC 2617 3.2, {@code name=token} or {@code name="quoted-string"},
 * separated by commas), with or without the leading "Digest". Names are case-insensitive and kept in lower case.
 * Strict: a repeated name, a bad character or more than {@link #MAX_PARAMETERS} parameters is refused with the
 * position, so that nothing an attacker writes is half-read.
 */
public final class DigestParameters {
    /** A Ub header carries about a dozen; more is not a UE. */
    static final int MAX_PARAMETERS = 32;
    private static final String SCHEME = "digest";

    private final Map<String, String> values;

    private DigestParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses an Authorization or WWW-Authenticate value, which must start with the scheme "Digest". */
    public static DigestParameters parseChallengeOrCredentials(String header) {
        String h = header.strip();
        if (h.length() < SCHEME.length() || !h.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
                || (h.length() > SCHEME.length() && h.charAt(SCHEME.length()) != ' ')) {
            throw new UbRequestException("the authentication scheme is not Digest");
        }
        return parse(h.substring(SCHEME.length()));
    }

    /** Parses a list of auth-params without a scheme (Authentication-Info, RFC 2617 3.2.3). */
    public static DigestParameters parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = skipSpace(params, 0);
        while (i < params.length()) {
            int nameStart = i;
            while (i < params.length() && isTokenChar(params.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new UbRequestException("a Digest parameter name is expected at " + i);
            }
            String name = params.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(params, i);
            if (i >= params.length() || params.charAt(i) != '=') {
                throw new UbRequestException("'=' is expected after Digest parameter " + name);
            }
            i = skipSpace(params, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < params.length() && params.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= params.length()) {
                        throw new UbRequestException("the quoted value of " + name + " is not closed");
                    }
                    char c = params.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && i < params.length()) {
                        c = params.charAt(i++);
                    }
                    if (c < 0x20 || c == 0x7F) {
                        throw new UbRequestException("a control character in the value of " + name);
                    }
                    value.append(c);
                }
            } else {
                int start = i;
                while (i < params.length() && isTokenChar(params.charAt(i))) {
                    i++;
                }
                value.append(params, start, i);
            }
            if (out.put(name, value.toString()) != null) {
                throw new UbRequestException("Digest parameter " + name + " is given twice");
            }
            if (out.size() > MAX_PARAMETERS) {
                throw new UbRequestException("more than " + MAX_PARAMETERS + " Digest parameters");
            }
            i = skipSpace(params, i);
            if (i < params.length()) {
                if (params.charAt(i) != ',') {
                    throw new UbRequestException("',' is expected after Digest parameter " + name + " at " + i);
                }
                i = skipSpace(params, i + 1);
            }
        }
        return new DigestParameters(out);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a parameter that must be there. */
    public String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UbRequestException("Digest parameter " + name + " is missing");
        }
        return v;
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** RFC 2616 2.2 token characters. */
    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
