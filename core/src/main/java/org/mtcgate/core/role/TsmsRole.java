package org.mtcgate.core.role;

import org.mtcgate.core.config.TsmsConfig;
import org.mtcgate.core.observe.TsmsEvents;
import org.mtcgate.core.store.StoreException;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.smpp.TsmsCounters;
import org.mtcgate.smpp.PduTap;
import org.mtcgate.filter.store.RecordStore;
import org.mtcgate.smpp.TsmsServer;
import org.mtcgate.smpp.TsmsSettings;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tsms: the SMS-SC's SMPP server for SMEs (TS 23.682 4.2, TS 33.187 6.1). SMs enter the SMS-SC's own store and
 * forward after the filter; their outcomes come back by the submitter prefix {@value TsmsServer#SUBMITTER_PREFIX}
 * as delivery receipts. Subscribers are located in the node's subscriber data. MO SMs the SMS-SC took for an SME's
 * address go to that SME's receiver bind.
 */
public final class TsmsRole implements NodeRole {
    /** The receipts owed to SMEs, under the data directory. */
    static final String RECEIPTS = "tsms-receipts";
    private final TsmsServer server;
    private final RecordStore receipts;

    private TsmsRole(TsmsServer server, RecordStore receipts) {
        this.server = server;
        this.receipts = receipts;
    }

    /**
     * Listens for SMEs in front of {@code smsc}, with a tap that sees every SMPP PDU (the node's signalling capture);
     * the receipts owed are written as the SMS-SC's SMs are ({@code fsync}).
     */
    public static TsmsRole start(RoleContext ctx, TsmsConfig config, SmsScRole smsc, boolean fsync, PduTap tap)
            throws RoleStartException {
        RoutingInfo routing = ctx.stores().routingInfo().orElseThrow(() -> new RoleStartException(
                "tsms locates subscribers in 'subscribers': give the subscriber file"));
        TsmsSettings s = config.settings();
        if (config.tlsCertificate() != null) {
            s = new TsmsSettings(s.listen(), tls(config), s.smes(), s.defaultValidity(), s.maxValidity(), s.bindTimeout(),
                    s.maxConnections(), s.enquireLink());
        }
        RecordStore receipts;
        try {
            receipts = ctx.stores().tsmsReceipts(RECEIPTS, fsync);
        } catch (StoreException e) {
            throw new RoleStartException("tsms: " + e.getMessage(), e);
        }
        TsmsServer server;
        try {
            server = TsmsServer.start(s, ctx.filter(), routing, smsc.storeAndForward()::submit,
                    new TsmsEvents(ctx.observer()), ctx.clock(), TimeSource.SYSTEM, tap, receipts);
        } catch (IOException | RuntimeException e) {
            receipts.close();
            throw new RoleStartException(e.getMessage(), e);
        }
        smsc.reportOutcomesOf(TsmsServer.SUBMITTER_PREFIX, server.outcomes());
        smsc.deliverMoTo(new SmeMoSink(server, smsc.moToUes()));
        return new TsmsRole(server, receipts);
    }

    private static SSLContext tls(TsmsConfig config) throws RoleStartException {
        try {
            List<X509Certificate> chain = Pem.readCertificates(Files.readString(config.tlsCertificate(), StandardCharsets.US_ASCII));
            var key = Pem.readPrivateKey(Files.readString(config.tlsKey(), StandardCharsets.US_ASCII));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("tsms", key, none, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new RoleStartException("tsms.tls: " + config.tlsCertificate() + " and " + config.tlsKey()
                    + " do not make a TLS server: " + e.getMessage(), e);
        }
    }

    /** Where the server listens (port 0 in the config: the one it got). */
    public java.net.InetSocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public String name() {
        return "tsms";
    }

    @Override
    public void stats(Consumer<String> out) {
        TsmsCounters.Snapshot c = server.counters();
        out.accept(String.format("Tsms: %d bound now, %,d binds, %,d binds refused, %,d connections refused",
                server.bound(), c.binds(), c.bindRefusals(), c.connectionsRefused()));
        out.accept(String.format("Tsms: %,d submits, %,d accepted, %,d blocked by the filter, %,d refused, %,d throttled; "
                + "%,d receipts sent, %,d lost", c.submits(), c.accepted(), c.blocked(), c.refused(), c.throttled(),
                c.receiptsSent(), c.receiptsLost()));
        int[] owed = server.receiptsOutstanding();
        out.accept(String.format("Tsms receipts owed: %,d for SMs not yet ended, %,d due and waiting for a receiver bind",
                owed[0], owed[1]));
        out.accept(String.format("Tsms MO: %,d delivered to SMEs, %,d not (no receiver bound, or refused)",
                c.moDelivered(), c.moNotDelivered()));
    }

    /** The server first (no receipt is written after), then the receipts it leaves owed. */
    @Override
    public void close() {
        server.close();
        receipts.close();
    }
}
