package org.mtcgate.core.config;

import org.mtcgate.smpp.TsmsSettings;

import java.nio.file.Path;

/**
 * The {@code tsms} section: the SMPP server SMEs submit to (its TLS context is built from the files when the
 * role starts, so a missing file is a start error, not a config error).
 *
 * @param settings       the listener, SMEs and limits, without TLS
 * @param tlsCertificate the server's certificate chain (PEM), or null for plain TCP
 * @param tlsKey         its private key (PEM), or null
 */
public record TsmsConfig(TsmsSettings settings, Path tlsCertificate, Path tlsKey) {
}
