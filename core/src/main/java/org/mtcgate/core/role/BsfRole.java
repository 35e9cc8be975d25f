package org.mtcgate.core.role;

import io.netty.handler.ssl.SslContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.bsf.BootstrapContextStore;
import org.mtcgate.bsf.Bootstrapping;
import org.mtcgate.bsf.FloodGuard;
import org.mtcgate.bsf.VectorSource;
import org.mtcgate.bsf.ub.UbCounters;
import org.mtcgate.bsf.ub.UbHandler;
import org.mtcgate.bsf.ub.UbServer;
import org.mtcgate.bsf.ub.UbTls;
import org.mtcgate.bsf.zh.ZhVectorSource;
import org.mtcgate.bsf.zn.BsfZnApplication;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.bsf.zn.NafAuthorisation;
import org.mtcgate.bsf.zpn.BsfZpnApplication;
import org.mtcgate.gba.push.GpiIssuer;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.core.config.BsfSettings;
import org.mtcgate.core.pki.LabPkiProvisioner;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.gba.aka.HomeAuthentication;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The BSF of GBA (TS 33.220 4.5.2): Ub over HTTPS on its own listener, vectors from the node's HSS role in the same
 * process, bootstrapping contexts in the store {@code NodeStores} gives, and Zn (TS 29.109) on the node's Diameter
 * endpoint for the NAFs {@code bsf.nafs} names. Ub listens from assembly on: it reaches
 * only this role and the HSS, which is assembled before it.
 */
public final class BsfRole implements NodeRole {
    private static final Logger LOG = LogManager.getLogger(BsfRole.class);
    /** An unanswered challenge is forgotten after this (a UE answers within a round trip). */
    static final Duration CHALLENGE_TIMEOUT = Duration.ofMinutes(1);

    private final Bootstrapping bootstrapping;
    private final BootstrapContextStore contexts;
    private final UbCounters ub;
    private final UbServer server;
    private final Optional<BsfZnApplication> zn;
    private final Optional<BsfZpnApplication> zpn;

    private BsfRole(Bootstrapping bootstrapping, BootstrapContextStore contexts, UbCounters ub, UbServer server,
                    Optional<BsfZnApplication> zn, Optional<BsfZpnApplication> zpn) {
        this.bootstrapping = bootstrapping;
        this.contexts = contexts;
        this.ub = ub;
        this.server = server;
        this.zn = zn;
        this.zpn = zpn;
    }

    /**
     * @param hss the node's own HSS, which gives the vectors unless {@code bsf.hss} names one reached over Zh
     */
    public static BsfRole start(RoleContext ctx, BsfSettings settings, Optional<HomeAuthentication> hss) throws RoleStartException {
        VectorSource vectors = vectors(ctx, settings, hss);
        BootstrapContextStore contexts = ctx.stores().bootstrapContexts(settings.maxContexts());
        Bootstrapping bootstrapping = new Bootstrapping(vectors, contexts, settings.serverName(),
                settings.keyLifetime(), CHALLENGE_TIMEOUT, new FloodGuard(settings.ubLimits(), ctx.clock()), ctx.clock());
        SslContext ssl = tls(settings);
        Optional<BsfZnApplication> zn = Optional.empty();
        if (!settings.nafs().isEmpty()) {
            // Zn: only peers of role naf reach it (PeerAuthorisation), each for its configured FQDNs
            zn = Optional.of(new BsfZnApplication(contexts, new NafAuthorisation(settings.nafs()), ctx.clock(),
                    ctx.observer()::gbaKeyRequest));
            ctx.requireDiameter("bsf").node().registerHandler(ApplicationIds.ZN, zn.get());
        }
        Optional<BsfZpnApplication> zpn = Optional.empty();
        if (!settings.pushHosts().isEmpty()) {
            // Zpn (GBA Push): only the NAFs marked push, each for its FQDNs; GPIs in the project's profile mtcgate-gpi-1
            zpn = Optional.of(new BsfZpnApplication(vectors, new GpiIssuer(new MtcgateGpi1()),
                    new NafAuthorisation(settings.pushNafs()), settings.keyLifetime(), ctx.clock(),
                    ctx.observer()::gbaPushRequest));
            ctx.requireDiameter("bsf").node().registerHandler(ApplicationIds.ZPN, zpn.get());
        }
        UbCounters ub = new UbCounters();
        BsfRole role = new BsfRole(bootstrapping, contexts, ub, listen(settings, ssl, new UbHandler(bootstrapping,
                settings.serverName(), ub, ctx.observer()::ubRefusal)), zn, zpn);
        // At scrape time from the counters `show stats` prints: a flood on Ub shows on a dashboard, not only in the audit.
        ctx.metrics().counter("mtcgate_ub_requests_total", "Ub requests by what became of them: challenged (401 with a "
                + "fresh vector), bootstrapped, refused (403), bad (400/405), failed (no vector), limited (429), busy (503)",
                "outcome", () -> java.util.Map.of("challenged", ub.challenges(), "bootstrapped", ub.bootstrapped(),
                        "refused", ub.refused(), "bad", ub.badRequests(), "failed", ub.failures(), "limited", ub.limited(),
                        "busy", ub.busy()));
        ctx.housekeeping().every(Duration.ofSeconds(30), "bsf contexts", bootstrapping::sweep);
        LOG.info("bsf {}: Ub on https://{}:{}/, key lifetime {}", settings.serverName(), role.ubAddress().getHostString(),
                role.ubAddress().getPort(), settings.keyLifetime());
        return role;
    }

    /** Over Zh from the HSS {@code bsf.hss} names, else from the node's own hss role. */
    private static VectorSource vectors(RoleContext ctx, BsfSettings settings, Optional<HomeAuthentication> hss)
            throws RoleStartException {
        if (settings.hss() != null) {
            DiameterNode node = ctx.requireDiameter("bsf").node();
            node.supportApplication(ApplicationIds.ZH);
            LOG.info("bsf: vectors over Zh from HSS {}", settings.hss().host());
            return new ZhVectorSource(node, settings.hss().host(), settings.hss().realm());
        }
        return VectorSource.of(hss.orElseThrow(() -> new RoleStartException("the bsf role takes its vectors from the "
                + "node's hss role (add hss to 'roles' and give subscribers impi, k and opc) or from an HSS over Zh (bsf.hss)")));
    }

    private static UbServer listen(BsfSettings s, SslContext ssl, UbHandler handler) throws RoleStartException {
        try {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(s.listen().getHostString()), s.listen().getPort());
            return UbServer.start(at, ssl, handler);
        } catch (IOException e) {
            throw new RoleStartException("bsf.listen " + s.listen().getHostString() + ":" + s.listen().getPort()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoleStartException("bsf: interrupted while binding Ub", e);
        } catch (RuntimeException e) {
            throw new RoleStartException("bsf.listen " + s.listen().getHostString() + ":" + s.listen().getPort()
                    + ": Ub cannot listen: " + e.getMessage(), e);
        }
    }

    private static SslContext tls(BsfSettings s) throws RoleStartException {
        BsfSettings.Tls t = s.tls();
        try {
            if (t.generateLabPki()) {
                Path dir = t.certificate().getParent();
                if (!dir.equals(t.key().getParent()) || !t.certificate().getFileName().toString().equals(s.serverName() + ".crt")) {
                    throw new RoleStartException("bsf.tls.generate-lab-pki needs certificate <server-name>.crt and its key "
                            + "in one folder, as 'mtcgate certs issue' lays them out");
                }
                LabPkiProvisioner lab = ServiceLoader.load(LabPkiProvisioner.class).findFirst()
                        .orElseThrow(() -> new RoleStartException("bsf.tls.generate-lab-pki is on, but the lab jar is not on "
                                + "the class path: give the BSF TLS files and turn the field off"));
                lab.ensure(dir, List.of(s.serverName()))
                        .forEach(p -> LOG.warn("lab PKI: made {} (generate-lab-pki is on: for labs only)", p));
            }
            for (Path p : List.of(t.certificate(), t.key())) {
                if (!Files.isReadable(p)) {
                    throw new RoleStartException("bsf.tls: " + p + " does not exist or cannot be read");
                }
            }
            return UbTls.serverContext(t.certificate(), t.key());
        } catch (IOException | RuntimeException e) {
            throw new RoleStartException("bsf.tls: the TLS files cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "bsf";
    }

    /** Where Ub listens (the bound port when the config said 0). */
    public InetSocketAddress ubAddress() {
        return server.localAddress();
    }

    public Bootstrapping bootstrapping() {
        return bootstrapping;
    }

    @Override
    public void stats(Consumer<String> out) {
        out.accept("bsf: Ub " + ub + " contexts=" + contexts.size() + " pending-challenges=" + bootstrapping.pendingCount());
        zn.ifPresent(z -> out.accept("bsf: Zn requests=" + z.requestCount() + " served=" + z.servedCount()
                + " refused=" + z.refusedCount()));
        zpn.ifPresent(z -> out.accept("bsf: Zpn requests=" + z.requestCount() + " served=" + z.servedCount()
                + " refused=" + z.refusedCount() + " (GPI profile mtcgate-gpi-1, not 3GPP TS 33.223)"));
    }

    @Override
    public void close() {
        server.close();
    }
}
