package org.mtcgate.filter;

/** The two outcomes of filtering. */
public enum Decision {
    ALLOW,
    BLOCK
}
