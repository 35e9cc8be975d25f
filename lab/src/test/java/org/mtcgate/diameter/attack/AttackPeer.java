package org.mtcgate.diameter.attack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.mtcgate.diameter.codec.AvpParser;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.lab.pki.IssuedCredential;

/**
 * A peer that holds a valid certificate and speaks Diameter over mutual TLS with a plain JSSE socket, writing
 * whatever it likes: the attacker of these tests. Blocking; one per connection.
 */
final class AttackPeer implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;

    private final SSLSocket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String host;
    private final String realm;

    private AttackPeer(SSLSocket socket, String host, String realm) throws IOException {
        this.socket = socket;
        this.host = host;
        this.realm = realm;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /**
     * Connects with {@code credential}, sends a CER announcing {@code host}, {@code realm} and the 3GPP
     * applications {@code apps}, and returns the peer once the CEA said 2001.
     */
    static AttackPeer open(InetSocketAddress server, IssuedCredential credential, X509Certificate ca, String host,
                           String realm, long... apps) throws Exception {
        AttackPeer p = new AttackPeer(connect(server, credential, ca), host, realm);
        DiameterMessage.Builder cer = DiameterMessage.request(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON, false)
                .hopByHopId(1).endToEndId(1)
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                .avp(BaseAvps.hostIpAddress(InetAddress.getLoopbackAddress())).avp(BaseAvps.vendorId(0))
                .avp(BaseAvps.productName("attacker")).avp(BaseAvps.supportedVendorId(VendorIds.TGPP));
        for (long app : apps) {
            cer.avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, app));
        }
        p.send(cer.build());
        DiameterMessage cea = p.read();
        long result = cea.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
        if (result != 2001) {
            p.close();
            throw new IllegalStateException("CEA " + result + " for " + host);
        }
        return p;
    }

    private static SSLSocket connect(InetSocketAddress server, IssuedCredential credential, X509Certificate ca) throws Exception {
        char[] pw = "attack".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("me", credential.privateKey(), pw,
                List.of(credential.certificate(), credential.issuer()).toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        s.startHandshake();
        return s;
    }

    String host() {
        return host;
    }

    String realm() {
        return realm;
    }

    void send(DiameterMessage m) throws IOException {
        ByteBuf b = Unpooled.buffer();
        DiameterMessageEncoder.encode(m, b);
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        out.write(bytes);
        out.flush();
    }

    /** Sends a request and returns the next message that is not a DWR (answering DWRs on the way). */
    DiameterMessage exchange(DiameterMessage request) throws IOException {
        send(request);
        return read();
    }

    DiameterMessage read() throws IOException {
        while (true) {
            int first = in.readInt();
            int length = first & 0xFFFFFF;
            byte[] rest = new byte[length - 4];
            in.readFully(rest);
            ByteBuf h = Unpooled.wrappedBuffer(rest);
            DiameterMessage m = DiameterMessage.builder().flags(h.getUnsignedByte(0)).commandCode(h.getUnsignedMedium(1))
                    .applicationId(h.getUnsignedInt(4)).hopByHopId(h.getInt(8)).endToEndId(h.getInt(12))
                    .avps(AvpParser.parse(rest, 16, rest.length)).build();
            if (m.isRequest() && m.commandCode() == CommandCodes.DEVICE_WATCHDOG) {
                send(DiameterMessage.answerTo(m).avp(BaseAvps.resultCode(2001))
                        .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build());
                continue;
            }
            return m;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
