package org.mtcgate.t8;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two requests written at once on one connection are answered in their order, though the first finishes later. */
class PipeliningTest {
    @Test
    void answersLeaveInRequestOrder() throws Exception {
        try (T8Fixture t8 = new T8Fixture();
             SSLSocket socket = (SSLSocket) t8.as1.context(t8.pki.ca).getSocketFactory()
                     .createSocket("127.0.0.1", t8.server.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            String form = "grant_type=client_credentials";
            String basic = Base64.getEncoder().encodeToString("as1:secret-as1".getBytes(StandardCharsets.US_ASCII));
            String both = "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form
                    + "GET /oauth2/jwks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(both.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            String text = got.toString(StandardCharsets.US_ASCII);
            int token = text.indexOf("access_token");
            int keys = text.indexOf("\"keys\"");
            assertTrue(token > 0 && keys > token, text);
        }
    }
}
