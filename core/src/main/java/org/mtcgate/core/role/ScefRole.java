package org.mtcgate.core.role;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.config.T8Config;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.core.pki.LabPkiProvisioner;
import org.mtcgate.core.store.StoreException;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.t8.AccessTokens;
import org.mtcgate.t8.ClientSecrets;
import org.mtcgate.t8.Scope;
import org.mtcgate.t8.T8Client;
import org.mtcgate.t8.StreamTap;
import org.mtcgate.t8.T8Server;
import org.mtcgate.t8.T8Settings;
import org.mtcgate.filter.store.RecordStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The SCEF on T8 (TS 29.122 device triggering over HTTPS, secured as TS 33.187 5.5 asks): its SCS/ASs' requests go to
 * the node's MTC-IWF procedure with ingress T8, and the MTC-IWF sends their delivery reports back through it.
 */
public final class ScefRole implements NodeRole {
    private static final Logger LOG = LogManager.getLogger(ScefRole.class);
    /** The transactions' journal under the node's data-dir. */
    static final String STORE = "t8";
    private final T8Server server;
    private final RecordStore transactions;

    private ScefRole(T8Server server, RecordStore transactions) {
        this.server = server;
        this.transactions = transactions;
    }

    /**
     * Binds T8 and registers its SCS/ASs' delivery reports with the MTC-IWF; its transactions are kept in the node's
     * store {@value #STORE}, written as the MTC-IWF's are ({@code fsync}); {@code tap} sees T8's HTTP after TLS (the
     * node's signalling capture).
     */
    public static ScefRole start(RoleContext ctx, T8Config config, MtcIwfRole mtcIwf, boolean fsync, StreamTap tap)
            throws RoleStartException {
        if (mtcIwf == null) {
            throw new RoleStartException("the scef role needs the mtc-iwf role: T8 triggers go through its procedure");
        }
        T8Settings settings = settings(config);
        RecordStore transactions;
        try {
            transactions = ctx.stores().t8Transactions(STORE, fsync);
        } catch (StoreException e) {
            throw new RoleStartException("t8: " + e.getMessage(), e);
        }
        T8Server server;
        try {
            server = T8Server.start(settings, mtcIwf.triggering(), secrets(config), ctx.observer()::t8Refusal, transactions,
                    ctx.clock(), tap);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            transactions.close();
            throw new RoleStartException("t8: cannot start: " + e.getMessage(), e);
        }
        mtcIwf.notifyThrough(config.clients().stream().map(T8Config.Client::scsAsId).collect(Collectors.toSet()), server.notifier());
        return new ScefRole(server, transactions);
    }

    /** Delivery reports pending at the last stop go out now. */
    @Override
    public void started() {
        server.resume();
    }

    private static T8Settings settings(T8Config c) throws RoleStartException {
        try {
            if (c.tls().generateLabPki()) {
                labPki(c);
            }
            for (Path p : List.of(c.tls().certificate(), c.tls().key(), c.tls().trustedCa())) {
                if (!Files.isReadable(p)) {
                    throw new RoleStartException("t8.tls: " + p + " does not exist or cannot be read");
                }
            }
            List<T8Client> clients = new ArrayList<>();
            for (T8Config.Client client : c.clients()) {
                Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                client.scopes().forEach(s -> scopes.add(Scope.valueOf(s.toUpperCase(Locale.ROOT))));
                clients.add(new T8Client(client.scsAsId(), client.certificateNames(), scopes));
            }
            KeyPair tokenKey = c.tokenKey() == null ? null
                    : AccessTokens.keyPairFromPem(Files.readString(c.tokenKey(), StandardCharsets.US_ASCII));
            InetSocketAddress listen = new InetSocketAddress(c.listen().getHostString(), c.listen().getPort());
            return new T8Settings(listen, c.publicUri(), Pem.readPrivateKey(read(c.tls().key())),
                    Pem.readCertificates(read(c.tls().certificate())), Pem.readCertificates(read(c.tls().trustedCa())), clients,
                    tokenKey, c.tokenLifetime(), c.duplicateWindow(), c.maxBody(), c.maxTransactions());
        } catch (IOException | RuntimeException e) {
            throw new RoleStartException("t8: the TLS files, token key or clients cannot be used: " + e.getMessage(), e);
        }
    }

    /** Lab only: the CA, the node's T8 certificate (named by its file) and one per client certificate name. */
    private static void labPki(T8Config c) throws IOException, RoleStartException {
        Path dir = c.tls().certificate().getParent();
        String file = c.tls().certificate().getFileName().toString();
        if (!file.endsWith(".crt") || !dir.equals(c.tls().key().getParent()) || !dir.equals(c.tls().trustedCa().getParent())
                || !c.tls().trustedCa().getFileName().toString().equals("ca.crt")) {
            throw new RoleStartException("t8.tls.generate-lab-pki needs certificate <name>.crt, key and trusted-ca ca.crt in one "
                    + "folder, as 'mtcgate certs issue' lays them out");
        }
        List<String> names = new ArrayList<>();
        names.add(file.substring(0, file.length() - ".crt".length()));
        c.clients().forEach(client -> names.addAll(client.certificateNames()));
        LabPkiProvisioner lab = ServiceLoader.load(LabPkiProvisioner.class).findFirst()
                .orElseThrow(() -> new RoleStartException("t8.tls.generate-lab-pki is on, but the lab jar is not on the class path"));
        lab.ensure(dir, names).forEach(p -> LOG.warn("lab PKI: made {} (t8.tls.generate-lab-pki is on: for labs only)", p));
    }

    private static ClientSecrets secrets(T8Config c) throws RoleStartException {
        Map<String, PasswordHash> hashes = new HashMap<>();
        for (T8Config.Client client : c.clients()) {
            try {
                hashes.put(client.scsAsId(), PasswordHash.parse(client.secretHash()));
            } catch (IllegalArgumentException e) {
                throw new RoleStartException("t8.clients " + client.scsAsId() + ": secret-hash: " + e.getMessage(), e);
            }
        }
        Map<String, PasswordHash> frozen = Map.copyOf(hashes);
        return (id, secret) -> {
            PasswordHash h = frozen.get(id);
            return h != null && h.matches(secret);
        };
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.US_ASCII);
    }

    /** The bound address (tests and tools find the port here). */
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    /** The API's root, e.g. https://127.0.0.1:8443/3gpp-device-triggering/v1. */
    public String apiUri() {
        return server.apiUri();
    }

    @Override
    public String name() {
        return "scef";
    }

    @Override
    public void stats(Consumer<String> out) {
        server.statsLines(out);
    }

    @Override
    public void close() {
        server.close();
        transactions.close();
    }
}
