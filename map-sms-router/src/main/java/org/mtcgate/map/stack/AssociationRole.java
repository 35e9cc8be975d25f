package org.mtcgate.map.stack;

/** The side of the M3UA IPSP association (RFC 4666 1.5.2): the client connects, the server listens. */
public enum AssociationRole {
    CLIENT,
    SERVER
}
