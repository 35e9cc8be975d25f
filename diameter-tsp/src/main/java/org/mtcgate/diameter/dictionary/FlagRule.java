package org.mtcgate.diameter.dictionary;

/** The "MUST / MAY / MUST NOT" columns of the AVP flag rules tables (RFC 6733 4.5). */
public enum FlagRule {
    MUST, MAY, MUST_NOT;

    public boolean allows(boolean set) {
        return this == MAY || (this == MUST) == set;
    }
}
