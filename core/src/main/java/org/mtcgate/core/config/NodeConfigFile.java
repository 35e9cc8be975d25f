package org.mtcgate.core.config;

import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import org.mtcgate.filter.trigger.SmCapacity;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.address;
import static org.mtcgate.core.config.ConfigReader.bool;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.path;
import static org.mtcgate.core.config.ConfigReader.requiredText;
import static org.mtcgate.core.config.ConfigReader.section;
import static org.mtcgate.core.config.ConfigReader.text;

/** Reads config/mtcgate.yaml. Unknown keys are errors, never ignored. */
public final class NodeConfigFile {
    private static final Set<String> TOP = Set.of("node", "roles", "policy", "subscribers", "diameter", "mtc-iwf", "ss7", "sms-sc", "sms-router",
            "console", "metrics", "audit", "tsms", "t8", "bsf", "logging", "trace");
    private static final Set<String> METRICS = Set.of("listen");
    private static final Set<String> AUDIT = Set.of("dir", "reveal-imsi");
    private static final Set<String> SMS_SC = Set.of("trigger-originator", "retry-first", "retry-max", "addresses", "max-in-flight",
            "default-validity", "fsync", "hlr", "sgd");
    private static final Set<String> SMS_ROUTER = Set.of("global-title", "hlr-gt", "home-mcc-mnc", "correlation-ttl",
            "max-correlations", "same-service-centre");
    private static final Set<String> NODE = Set.of("name", "data-dir");
    private static final Set<String> DIAMETER = Set.of("identity", "realm", "listen", "tls", "insecure-lab", "watchdog",
            "request-timeout", "max-message", "peers", "limits", "overload", "lab-tls-key-log");
    private static final Set<String> DIAMETER_LIMITS = Set.of("max-grouped-depth", "max-avps");
    private static final Set<String> DIAMETER_OVERLOAD = Set.of("max-pending-per-peer", "max-pending-total",
            "doic-reduction", "doic-validity");
    private static final Map<String, Long> APPLICATIONS = Map.of("tsp", ApplicationIds.TSP, "s6m", ApplicationIds.S6M,
            "t4", ApplicationIds.T4, "sgd", ApplicationIds.SGD, "zh", ApplicationIds.ZH,
            "zn", ApplicationIds.ZN, "zpn", ApplicationIds.ZPN);
    private static final Set<String> TLS = Set.of("certificate", "key", "trusted-ca", "generate-lab-pki");
    private static final Set<String> PEER = Set.of("host", "realm", "connect", "role", "applications");
    private static final Set<String> LISTEN = Set.of("address", "tls");
    private static final Set<String> MTC_IWF = Set.of("default-validity", "max-validity", "max-payload", "fsync", "hss", "t4",
            "scs-identities", "require-gba-push");
    private static final Set<String> GBA_PUSH_REQUIRED = Set.of("external-id-domains", "imsis");
    private static final Set<String> HSS_PEER = Set.of("host", "realm", "cache-ttl");
    private static final Set<String> T4_PEER = Set.of("host", "realm", "sme-address");

    private NodeConfigFile() {
    }

    public static NodeConfig load(Path file) throws ConfigException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), file.toAbsolutePath().getParent(), r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
    }

    public static NodeConfig parse(String source, Path base, Reader reader) throws ConfigException {
        YamlNode root = YamlNode.parse(source, reader);
        Map<String, YamlNode> top = root.mapping(TOP);
        Map<String, YamlNode> node = section(top.get("node"), NODE);
        String name = text(node, "name", "mtcgate");
        Path dataDir = path(base, node, "data-dir", base.resolve("data"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        YamlNode rolesNode = top.get("roles");
        if (rolesNode == null) {
            throw root.error("'roles' is required: one or more of mtc-iwf, sms-router, sms-sc, hss, bsf");
        }
        for (YamlNode r : rolesNode.list()) {
            try {
                roles.add(Role.parse(r.requiredText()));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        YamlNode policyNode = top.get("policy");
        if (policyNode == null) {
            throw root.error("'policy' is required: the filter policy file");
        }
        Path policy = base.resolve(policyNode.requiredText()).normalize();
        Path subscribers = top.containsKey("subscribers") ? base.resolve(top.get("subscribers").requiredText()).normalize() : null;
        DiameterSettings diameter = top.containsKey("diameter") ? diameter(top.get("diameter"), base) : null;
        if (diameter == null && (roles.contains(Role.MTC_IWF) || roles.contains(Role.HSS))) {
            throw rolesNode.error("the mtc-iwf and hss roles need a 'diameter' section");
        }
        Map<String, YamlNode> m = section(top.get("mtc-iwf"), MTC_IWF);
        NodeConfig.Hss hss = null;
        if (m.containsKey("hss")) {
            YamlNode h = m.get("hss");
            Map<String, YamlNode> hm = h.mapping(HSS_PEER);
            String host = requiredText(h, hm, "host");
            hss = new NodeConfig.Hss(host, text(hm, "realm", realmOf(host)), duration(hm, "cache-ttl", Duration.ofMinutes(5)));
        }
        NodeConfig.T4 t4 = null;
        if (m.containsKey("t4")) {
            YamlNode t = m.get("t4");
            Map<String, YamlNode> tm = t.mapping(T4_PEER);
            String host = requiredText(t, tm, "host");
            String sme = requiredText(t, tm, "sme-address");
            if (!sme.matches("\\+?[0-9]{1,20}")) {
                throw tm.get("sme-address").error("'" + sme + "' is not an E.164 number");
            }
            t4 = new NodeConfig.T4(host, text(tm, "realm", realmOf(host)), sme.replace("+", ""));
        }
        if (roles.contains(Role.MTC_IWF) && subscribers == null && hss == null) {
            throw rolesNode.error("the mtc-iwf role needs 'subscribers' (the embedded subscriber store) or mtc-iwf.hss (S6m)");
        }
        if (roles.contains(Role.HSS) && subscribers == null) {
            throw rolesNode.error("the hss role answers from 'subscribers': give the subscriber file");
        }
        NodeConfig.MtcIwf mtcIwf = new NodeConfig.MtcIwf(duration(m, "default-validity", Duration.ofHours(1)),
                duration(m, "max-validity", Duration.ofDays(7)), integer(m, "max-payload", SmCapacity.DEFAULT_MAX_PAYLOAD, 1, SmCapacity.MAX_PAYLOAD), bool(m, "fsync", false),
                hss, t4, scsIdentities(m.get("scs-identities")), gbaPushRequired(m.get("require-gba-push")));
        Ss7Settings ss7 = top.containsKey("ss7") ? Ss7SettingsReader.read(top.get("ss7")) : null;
        if (ss7 == null && (roles.contains(Role.SMS_SC) || roles.contains(Role.SMS_ROUTER))) {
            throw rolesNode.error("the sms-sc and sms-router roles need an 'ss7' section");
        }
        SmsScSettings smsSc = null;
        if (roles.contains(Role.SMS_SC)) {
            YamlNode n = top.get("sms-sc");
            Map<String, YamlNode> sm = section(n, SMS_SC);
            String originator = text(sm, "trigger-originator", ss7.localGt());
            if (!originator.matches("[0-9]{1,20}")) {
                throw sm.get("trigger-originator").error("'" + originator + "' is not an E.164 address");
            }
            List<String> addresses = new ArrayList<>();
            if (sm.containsKey("addresses")) {
                for (YamlNode a : sm.get("addresses").list()) {
                    String address = a.requiredText();
                    if (!address.matches("[0-9]{1,15}")) {
                        throw a.error("'" + address + "' is not an E.164 address");
                    }
                    addresses.add(address);
                }
            } else {
                addresses.add(ss7.localGt());
            }
            String hlr = sm.containsKey("hlr") ? sm.get("hlr").requiredText() : null;
            if (hlr != null && !hlr.matches("[0-9]{1,15}")) {
                throw sm.get("hlr").error("'" + hlr + "' is not an E.164 global title");
            }
            boolean sgd = bool(sm, "sgd", false);
            if (sgd && diameter == null) {
                throw sm.get("sgd").error("sms-sc.sgd needs a 'diameter' section; MMEs are diameter peers with role: mme");
            }
            smsSc = new SmsScSettings(originator, duration(sm, "retry-first", Duration.ofSeconds(5)),
                    duration(sm, "retry-max", Duration.ofMinutes(5)), addresses,
                    integer(sm, "max-in-flight", StoreAndForward.DEFAULT_MAX_IN_FLIGHT, 1, 100_000),
                    duration(sm, "default-validity", Duration.ofHours(1)),
                    // absent: as the MTC-IWF's, which was the one setting for both stores before the roles had their own
                    bool(sm, "fsync", mtcIwf.fsync()), hlr, sgd);
        } else if (top.containsKey("sms-sc")) {
            throw top.get("sms-sc").error("there is an 'sms-sc' section but the sms-sc role is not in 'roles'");
        }
        RouterSettings router = null;
        if (roles.contains(Role.SMS_ROUTER)) {
            router = router(top.get("sms-router"), rolesNode, ss7);
        } else if (top.containsKey("sms-router")) {
            throw top.get("sms-router").error("there is an 'sms-router' section but the sms-router role is not in 'roles'");
        }
        if (roles.contains(Role.MTC_IWF) && !roles.contains(Role.SMS_SC) && t4 == null) {
            throw rolesNode.error("the mtc-iwf role submits triggers to the node's own sms-sc role or over T4: add sms-sc to "
                    + "'roles' or give mtc-iwf.t4");
        }
        if (t4 != null && diameter != null) {
            String t4Host = t4.host();
            java.util.Optional<DiameterSettings.Peer> smsScPeer = diameter.peers().stream()
                    .filter(p -> p.host().equalsIgnoreCase(t4Host)).findFirst();
            if (smsScPeer.isPresent() && !smsScPeer.get().roles().contains(PeerRole.SMS_SC)) {
                throw m.get("t4").error("diameter peer " + t4Host + " is the T4 SMS-SC but lacks 'role: sms-sc': its "
                        + "delivery reports (DRR) would be refused");
            }
        }
        if (t4 != null && roles.contains(Role.SMS_SC)) {
            throw m.get("t4").error("this node is an SMS-SC itself: mtc-iwf.t4 is for a node without the sms-sc role");
        }

        TsmsConfig tsms = null;
        if (top.containsKey("tsms")) {
            if (!roles.contains(Role.SMS_SC)) {
                throw top.get("tsms").error("Tsms is the SMS-SC's interface to SMEs: add sms-sc to 'roles'");
            }
            tsms = TsmsConfigReader.read(top.get("tsms"), base);
        }

        org.mtcgate.core.console.ConsoleConfig console = top.containsKey("console")
                ? org.mtcgate.core.console.ConsoleConfigReader.read(top.get("console"), dataDir) : null;
        Map<String, YamlNode> metrics = section(top.get("metrics"), METRICS);
        InetSocketAddress metricsListen = top.containsKey("metrics")
                ? ConfigReader.address(metrics, "listen", InetSocketAddress.createUnresolved("127.0.0.1", 9464)) : null;
        Map<String, YamlNode> audit = section(top.get("audit"), AUDIT);
        NodeConfig.Audit auditSettings = new NodeConfig.Audit(path(base, audit, "dir", dataDir.resolve("audit")),
                bool(audit, "reveal-imsi", false));
        T8Config t8 = T8ConfigReader.read(top.get("t8"), rolesNode, roles, base, diameter);
        BsfSettings bsf = roles.contains(Role.BSF) ? BsfSettingsReader.read(top.get("bsf"), rolesNode, base, diameter) : null;
        if (bsf == null && top.containsKey("bsf")) {
            throw top.get("bsf").error("there is a 'bsf' section but the bsf role is not in 'roles'");
        }
        return new NodeConfig(source, name, dataDir, roles, policy, subscribers, diameter, mtcIwf, ss7, smsSc, router, console,
                metricsListen, auditSettings, tsms, t8, bsf, LoggingSettingsReader.read(top.get("logging"), base),
                TraceSettingsReader.read(top.get("trace"), base));
    }

    private static RouterSettings router(YamlNode n, YamlNode rolesNode, Ss7Settings ss7) throws ConfigException {
        if (n == null) {
            throw rolesNode.error("the sms-router role needs an 'sms-router' section (at least home-mcc-mnc)");
        }
        Map<String, YamlNode> rm = n.mapping(SMS_ROUTER);
        String gt = text(rm, "global-title", ss7.localGt());
        if (!gt.matches("[0-9]{1,15}")) {
            throw rm.get("global-title").error("'" + gt + "' is not an E.164 global title");
        }
        String hlr = text(rm, "hlr-gt", null);
        if (hlr != null && !hlr.matches("[0-9]{1,15}")) {
            throw rm.get("hlr-gt").error("'" + hlr + "' is not an E.164 global title");
        }
        String mccMnc = requiredText(n, rm, "home-mcc-mnc");
        if (!mccMnc.matches("[0-9]{5,6}")) {
            throw rm.get("home-mcc-mnc").error("'" + mccMnc + "' is not an MCC+MNC (5 or 6 digits)");
        }
        Duration ttl = duration(rm, "correlation-ttl", Duration.ofMinutes(2));
        if (ttl.isZero() || ttl.isNegative()) {
            throw rm.get("correlation-ttl").error("must be positive");
        }
        return new RouterSettings(gt, hlr, mccMnc, ttl, integer(rm, "max-correlations", 1_000_000, 1, 100_000_000),
                bool(rm, "same-service-centre", true));
    }

    private static String realmOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }

    /** {@code role: mtc-iwf} or {@code role: [hss, sms-sc]}; scs when absent (the sample's peers are SCSs). */
    private static Set<PeerRole> peerRoles(YamlNode n) throws ConfigException {
        if (n == null) {
            return Set.of(PeerConfig.DEFAULT_ROLE);
        }
        List<YamlNode> items = n.isSequence() ? n.list() : List.of(n);
        Set<PeerRole> roles = EnumSet.noneOf(PeerRole.class);
        for (YamlNode r : items) {
            try {
                roles.add(PeerRole.parse(r.requiredText()));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            throw n.error("a peer needs a role: scs, mtc-iwf, sms-sc, hss, mme, bsf or naf");
        }
        return roles;
    }

    /** {@code applications: [tsp]}: narrows what the roles allow; each must be one of them. Null when absent. */
    private static Set<Long> peerApplications(YamlNode n, Set<PeerRole> roles) throws ConfigException {
        if (n == null) {
            return null;
        }
        Set<Long> apps = new java.util.HashSet<>();
        for (YamlNode a : n.list()) {
            String name = a.requiredText();
            Long id = APPLICATIONS.get(name.toLowerCase(java.util.Locale.ROOT));
            if (id == null) {
                throw a.error("unknown application '" + name + "' (one of tsp, s6m, t4, sgd, zh, zn)");
            }
            if (roles.stream().noneMatch(r -> r.applications().contains(id))) {
                throw a.error("a peer of role " + roles.stream().map(PeerRole::configName).sorted().toList()
                        + " sends no " + name + " requests; 'applications' can only narrow what its role allows");
            }
            apps.add(id);
        }
        return apps;
    }

    private static DiameterSettings diameter(YamlNode node, Path base) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(DIAMETER);
        String identity = requiredText(node, m, "identity");
        String realm = text(m, "realm", identity.contains(".") ? identity.substring(identity.indexOf('.') + 1) : identity);
        boolean insecure = bool(m, "insecure-lab", false);
        DiameterSettings.TlsFiles tls = null;
        if (m.containsKey("tls")) {
            YamlNode t = m.get("tls");
            Map<String, YamlNode> tm = t.mapping(TLS);
            tls = new DiameterSettings.TlsFiles(base.resolve(requiredText(t, tm, "certificate")).normalize(),
                    base.resolve(requiredText(t, tm, "key")).normalize(),
                    base.resolve(requiredText(t, tm, "trusted-ca")).normalize(), bool(tm, "generate-lab-pki", false));
        }
        if (tls == null && !insecure) {
            throw node.error("Tsp needs TLS with client certificates (TS 33.187 4.5): give 'tls', or write "
                    + "'insecure-lab: true' to run plain TCP in an isolated lab");
        }
        if (tls != null && insecure) {
            throw m.get("insecure-lab").error("'insecure-lab: true' and 'tls' exclude each other");
        }
        List<DiameterSettings.Peer> peers = new ArrayList<>();
        if (m.containsKey("peers")) {
            for (YamlNode p : m.get("peers").list()) {
                Map<String, YamlNode> pm = p.mapping(PEER);
                String host = requiredText(p, pm, "host");
                String peerRealm = text(pm, "realm", host.contains(".") ? host.substring(host.indexOf('.') + 1) : host);
                InetSocketAddress connect = pm.containsKey("connect") ? address(pm.get("connect")) : null;
                Set<PeerRole> peerRoles = peerRoles(pm.get("role"));
                peers.add(new DiameterSettings.Peer(host, peerRealm, connect, peerRoles,
                        peerApplications(pm.get("applications"), peerRoles)));
            }
        }
        int defaultPort = insecure ? 3868 : 5868;
        Path keyLog = path(base, m, "lab-tls-key-log", null);
        if (keyLog != null && tls == null) {
            throw m.get("lab-tls-key-log").error("there is no TLS to log keys of: 'insecure-lab' is on");
        }
        return new DiameterSettings(identity, realm, listeners(m.get("listen"), defaultPort, tls != null),
                tls, insecure, duration(m, "watchdog", Duration.ofSeconds(30)), duration(m, "request-timeout", Duration.ofSeconds(10)),
                integer(m, "max-message", 65_536, 4096, 16 * 1024 * 1024), peers, protection(m), keyLog);
    }

    private static DiameterSettings.Protection protection(Map<String, YamlNode> diameter) throws ConfigException {
        DiameterSettings.Protection d = DiameterSettings.Protection.DEFAULT;
        Map<String, YamlNode> l = diameter.containsKey("limits") ? diameter.get("limits").mapping(DIAMETER_LIMITS) : Map.of();
        Map<String, YamlNode> o = diameter.containsKey("overload") ? diameter.get("overload").mapping(DIAMETER_OVERLOAD) : Map.of();
        int perPeer = integer(o, "max-pending-per-peer", d.maxPendingPerPeer(), 1, 1_000_000);
        int total = integer(o, "max-pending-total", d.maxPendingTotal(), 1, 10_000_000);
        Duration validity = duration(o, "doic-validity", d.doicValidity());
        if (validity.isNegative() || validity.toSeconds() > 86_400) {
            throw o.get("doic-validity").error("doic-validity must lie within 0 s and 86400 s (RFC 7683 7.4)");
        }
        return new DiameterSettings.Protection(integer(l, "max-grouped-depth", d.maxGroupedDepth(), 1, 64),
                integer(l, "max-avps", d.maxAvps(), 16, 1_000_000), perPeer, total,
                integer(o, "doic-reduction", d.doicReduction(), 0, 100), validity);
    }

    /**
     * {@code diameter.listen}: one {@code host:port}, a list of them, or a list of {@code {address: host:port,
     * tls: at-connect|inband}}. TLS at connect is the default; {@code inband} is for peers whose TLS starts after
     * CER/CEA (e.g. jDiameter) and needs TLS settings.
     */
    private static List<DiameterSettings.Listen> listeners(YamlNode n, int defaultPort, boolean tls) throws ConfigException {
        if (n == null) {
            return List.of(new DiameterSettings.Listen(InetSocketAddress.createUnresolved("127.0.0.1", defaultPort), false));
        }
        List<DiameterSettings.Listen> out = new ArrayList<>();
        for (YamlNode l : n.list()) {
            if (l.isMapping()) {
                Map<String, YamlNode> lm = l.mapping(LISTEN);
                if (!lm.containsKey("address")) {
                    throw l.error("a listener needs 'address: host:port'");
                }
                InetSocketAddress address = ConfigReader.address(lm.get("address"));
                boolean inband = false;
                if (lm.containsKey("tls")) {
                    String mode = lm.get("tls").requiredText();
                    switch (mode) {
                        case "at-connect" -> inband = false;
                        case "inband" -> inband = true;
                        default -> throw lm.get("tls").error("'" + mode + "' is not at-connect or inband");
                    }
                    if (inband && !tls) {
                        throw lm.get("tls").error("in-band TLS needs the 'tls' section (certificate, key, trusted CA)");
                    }
                }
                out.add(new DiameterSettings.Listen(address, inband));
            } else {
                out.add(new DiameterSettings.Listen(ConfigReader.address(l), false));
            }
        }
        if (out.isEmpty()) {
            throw n.error("give at least one address to listen on");
        }
        return out;
    }

    /** {@code mtc-iwf.require-gba-push: {external-id-domains: [meters.example.com], imsis: ["262015500000001"]}}. */
    private static NodeConfig.GbaPushRequired gbaPushRequired(YamlNode n) throws ConfigException {
        if (n == null) {
            return NodeConfig.GbaPushRequired.NONE;
        }
        Map<String, YamlNode> gm = n.mapping(GBA_PUSH_REQUIRED);
        Set<String> domains = new java.util.HashSet<>();
        if (gm.containsKey("external-id-domains")) {
            for (YamlNode d : gm.get("external-id-domains").list()) {
                String v = d.requiredText();
                if (!v.matches("[A-Za-z0-9]([A-Za-z0-9-]*)(\\.[A-Za-z0-9]([A-Za-z0-9-]*))*")) {
                    throw d.error("'" + v + "' is not a domain name");
                }
                domains.add(v.toLowerCase(java.util.Locale.ROOT));
            }
        }
        Set<String> imsis = new java.util.HashSet<>();
        if (gm.containsKey("imsis")) {
            for (YamlNode i : gm.get("imsis").list()) {
                String v = i.requiredText();
                if (!v.matches("[0-9]{6,15}")) {
                    throw i.error("'" + v + "' is not an IMSI");
                }
                imsis.add(v);
            }
        }
        if (domains.isEmpty() && imsis.isEmpty()) {
            throw n.error("require-gba-push names no external-id-domains and no imsis");
        }
        return new NodeConfig.GbaPushRequired(domains, imsis);
    }

    /**
     * {@code mtc-iwf.scs-identities}: SCS Diameter identity to the SCS-Identity values it may put in a Device-Action,
     * e.g. {@code scs1.example.com: ["491710000001"]}.
     */
    private static Map<String, Set<String>> scsIdentities(YamlNode n) throws ConfigException {
        if (n == null) {
            return Map.of();
        }
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (Map.Entry<String, YamlNode> e : n.mapping(null).entrySet()) {
            Set<String> ids = new java.util.HashSet<>();
            for (YamlNode id : e.getValue().list()) {
                String v = id.requiredText();
                if (v.isBlank()) {
                    throw id.error("an SCS-Identity is not empty");
                }
                ids.add(v);
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), ids);
        }
        return out;
    }
}
