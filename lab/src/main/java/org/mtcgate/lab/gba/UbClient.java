package org.mtcgate.lab.gba;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * GETs on Ub over HTTPS with the JDK's HTTP client, trusting the lab CA for the BSF's server name; the same for Ua
 * to a NAF, with the NAF's FQDN as the name.
 */
public final class UbClient {
    /** One Ub response: status, the header a step needs, body. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private final HttpClient http;
    private final URI bsf;

    public UbClient(URI bsf, Path caCertificate, String serverName) throws IOException, GeneralSecurityException {
        this(bsf, BsfTrust.context(caCertificate, serverName));
    }

    UbClient(URI bsf, SSLContext ssl) {
        this.bsf = bsf;
        this.http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The path the Digest uri parameter names. */
    public String uri() {
        return bsf.getRawPath() == null || bsf.getRawPath().isEmpty() ? "/" : bsf.getRawPath();
    }

    public Response get(String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(bsf).header("Authorization", authorization));
    }

    /** A GET without credentials (Ua: the NAF answers with its challenge). */
    public Response get() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(bsf));
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpRequest request = b.GET().timeout(Duration.ofSeconds(10)).header("User-Agent", "mtcgate-lab 3gpp-gba").build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers(), r.body());
    }
}
