package org.mtcgate.diameter.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSLContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LAB ONLY: writes the secrets of every TLS connection made with the contexts it is attached to, in the NSS key log
 * format (CLIENT_RANDOM for TLS 1.2; CLIENT_/SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_/SERVER_TRAFFIC_SECRET_0 and
 * EXPORTER_SECRET for TLS 1.3), so that Wireshark can decrypt a capture ({@code -o tls.keylog_file:<file>}).
 * Anyone who reads the file reads every message of those connections.
 *
 * <p>How: the JDK's TLS provider has no way to give out its secrets. BoringSSL has a key log callback, which
 * netty-tcnative exposes as {@link SSLContext#setKeyLogCallback}; so the contexts are built with Netty's OpenSSL
 * provider (netty-tcnative-boringssl-static, which the lab jar brings and the node alone does not). Netty 4.1 has no
 * option for that callback and does not expose the tcnative context handle it needs: it is read from Netty's
 * {@code ReferenceCountedOpenSslContext.ctx} field by reflection, the one hack here, checked when the node starts (a
 * Netty without that field makes the node refuse the option, saying so).
 */
public final class TlsKeyLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final AtomicLong lines = new AtomicLong();

    private TlsKeyLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Why a key log cannot be written in this process, or null when it can. */
    public static String unavailableReason() {
        if (!OpenSsl.isAvailable()) {
            Throwable cause = OpenSsl.unavailabilityCause();
            return "netty-tcnative (BoringSSL) is not on the class path or does not load (" + cause
                    + "): the lab jar brings it (scripts/mtcgate puts it on the class path)";
        }
        try {
            handleField();
            return null;
        } catch (NoSuchFieldException | RuntimeException e) {
            return "this Netty does not have the context handle the key log needs (" + e + ")";
        }
    }

    /** Opens (appending to) the key log file. */
    public static TlsKeyLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new TlsKeyLog(file, Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    public Path file() {
        return file;
    }

    /** Lines written so far. */
    public long lines() {
        return lines.get();
    }

    /** Makes every connection of {@code context} (built with {@link io.netty.handler.ssl.SslProvider#OPENSSL}) log here. */
    void attach(SslContext context) throws IOException {
        if (!(context instanceof ReferenceCountedOpenSslContext openSsl)) {
            throw new IOException("the key log needs an OpenSSL context, not " + context.getClass().getSimpleName());
        }
        long handle;
        try {
            handle = handleField().getLong(openSsl);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("the tcnative context handle cannot be read: " + e, e);
        }
        if (!SSLContext.setKeyLogCallback(handle, (ssl, line) -> write(line))) {
            throw new IOException("BoringSSL refused the key log callback");
        }
    }

    /** On BoringSSL's thread (the connection's event loop): one line, flushed, so a reader never sees half a secret. */
    private void write(byte[] line) {
        synchronized (out) {
            try {
                out.write(new String(line, StandardCharsets.US_ASCII));
                out.newLine();
                out.flush();
                lines.incrementAndGet();
            } catch (IOException e) {
                // The lab loses a line; the connection must not fail for it.
            }
        }
    }

    private static Field handleField() throws NoSuchFieldException {
        Field f = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
        if (f.getType() != long.class) {
            throw new IllegalStateException("ReferenceCountedOpenSslContext.ctx is a " + f.getType());
        }
        f.setAccessible(true);
        return f;
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
