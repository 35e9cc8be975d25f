package org.mtcgate.diameter.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mtcgate.diameter.codec.DecodeLimits;
import org.mtcgate.diameter.tls.TlsSettings;

/** Everything a {@link DiameterNode} needs. Immutable; build with {@link #builder(LocalIdentity)}. */
public final class DiameterNodeConfig {
    /** IANA port for Diameter over TLS/TCP (RFC 6733 2.1). */
    public static final int DIAMETER_TLS_PORT = 5868;
    public static final int DIAMETER_TCP_PORT = 3868;

    private final LocalIdentity identity;
    private final List<Listener> listeners;
    private final Optional<TlsSettings> tls;
    private final TlsMode tlsMode;
    private final boolean insecureLab;
    private final Duration watchdogInterval;
    private final Duration requestTimeout;
    private final Duration capabilitiesTimeout;
    private final Duration duplicateWindow;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final int maxMessageLength;
    private final boolean acceptUnknownPeers;
    private final List<PeerConfig> peers;
    private final DecodeLimits decodeLimits;
    private final OverloadSettings overload;
    private final Duration errorLogInterval;

    private DiameterNodeConfig(Builder b) {
        this.identity = b.identity;
        List<Listener> ls = new ArrayList<>();
        for (int i = 0; i < b.listenAddresses.size(); i++) {
            // a listener given without a mode of its own takes the node's (see Builder#listen(InetSocketAddress))
            TlsMode mode = b.listenModes.get(i);
            ls.add(new Listener(b.listenAddresses.get(i), mode == null ? b.tlsMode : mode));
        }
        this.listeners = List.copyOf(ls);
        this.tls = Optional.ofNullable(b.tls);
        this.tlsMode = b.tlsMode;
        this.insecureLab = b.insecureLab;
        this.watchdogInterval = b.watchdogInterval;
        this.requestTimeout = b.requestTimeout;
        this.capabilitiesTimeout = b.capabilitiesTimeout;
        this.duplicateWindow = b.duplicateWindow;
        this.reconnectMin = b.reconnectMin;
        this.reconnectMax = b.reconnectMax;
        this.maxMessageLength = b.maxMessageLength;
        this.acceptUnknownPeers = b.acceptUnknownPeers;
        this.peers = List.copyOf(b.peers);
        this.decodeLimits = Objects.requireNonNull(b.decodeLimits);
        this.overload = Objects.requireNonNull(b.overload);
        this.errorLogInterval = Objects.requireNonNull(b.errorLogInterval);
        if (tls.isEmpty() && !insecureLab) {
            throw new IllegalArgumentException(
                    "no TLS settings: TS 33.187 requires mutual TLS; set insecureLab(true) only for lab tests");
        }
    }

    public static Builder builder(LocalIdentity identity) {
        return new Builder(identity);
    }

    public LocalIdentity identity() {
        return identity;
    }

    /** The first listener's address, if any. */
    public Optional<InetSocketAddress> listenAddress() {
        return listeners.stream().findFirst().map(Listener::address);
    }

    /** Every listening socket with its TLS mode, in the order configured. */
    public List<Listener> listeners() {
        return listeners;
    }

    public Optional<TlsSettings> tls() {
        return tls;
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    public boolean insecureLab() {
        return insecureLab;
    }

    public Duration watchdogInterval() {
        return watchdogInterval;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration capabilitiesTimeout() {
        return capabilitiesTimeout;
    }

    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    public Duration reconnectMin() {
        return reconnectMin;
    }

    public Duration reconnectMax() {
        return reconnectMax;
    }

    public int maxMessageLength() {
        return maxMessageLength;
    }

    public boolean acceptUnknownPeers() {
        return acceptUnknownPeers;
    }

    public List<PeerConfig> peers() {
        return peers;
    }

    /** Nesting depth and AVP count a received message may have. */
    public DecodeLimits decodeLimits() {
        return decodeLimits;
    }

    /** Bounds on pending requests, and the DOIC report values. */
    public OverloadSettings overload() {
        return overload;
    }

    /** At most one WARN line per peer per this interval for unexpected errors. */
    public Duration errorLogInterval() {
        return errorLogInterval;
    }

    public Optional<PeerConfig> peer(String host) {
        return peers.stream().filter(p -> p.host().equalsIgnoreCase(host)).findFirst();
    }

    public static final class Builder {
        private final LocalIdentity identity;
        private final List<InetSocketAddress> listenAddresses = new ArrayList<>();
        private final List<TlsMode> listenModes = new ArrayList<>();
        private TlsSettings tls;
        private TlsMode tlsMode = TlsMode.AT_CONNECT;
        private boolean insecureLab;
        /** RFC 3539 3.4.1 suggests Tw = 30 s. */
        private Duration watchdogInterval = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration capabilitiesTimeout = Duration.ofSeconds(10);
        private Duration duplicateWindow = Duration.ofSeconds(60);
        private Duration reconnectMin = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(30);
        private int maxMessageLength = 64 * 1024;
        private boolean acceptUnknownPeers;
        private final List<PeerConfig> peers = new ArrayList<>();
        private DecodeLimits decodeLimits = DecodeLimits.DEFAULT;
        private OverloadSettings overload = OverloadSettings.DEFAULT;
        private Duration errorLogInterval = Duration.ofSeconds(10);

        private Builder(LocalIdentity identity) {
            this.identity = Objects.requireNonNull(identity);
        }

        /** A listener with the node's TLS mode ({@link #tlsMode}); may be called more than once. */
        public Builder listen(InetSocketAddress address) {
            listenAddresses.add(Objects.requireNonNull(address));
            listenModes.add(null);
            return this;
        }

        /** A listener with a TLS mode of its own. */
        public Builder listen(InetSocketAddress address, TlsMode mode) {
            listenAddresses.add(Objects.requireNonNull(address));
            listenModes.add(Objects.requireNonNull(mode));
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        /**
         * When TLS starts on the connections this node opens and on listeners without a mode of their own;
         * {@link TlsMode#AT_CONNECT} unless a legacy peer needs in-band TLS.
         */
        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = mode;
            return this;
        }

        /** Plain TCP without TLS. Only for isolated lab set-ups; the node logs a warning at start. */
        public Builder insecureLab(boolean insecureLab) {
            this.insecureLab = insecureLab;
            return this;
        }

        public Builder watchdogInterval(Duration tw) {
            this.watchdogInterval = tw;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder capabilitiesTimeout(Duration d) {
            this.capabilitiesTimeout = d;
            return this;
        }

        public Builder duplicateWindow(Duration d) {
            this.duplicateWindow = d;
            return this;
        }

        public Builder reconnect(Duration min, Duration max) {
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        public Builder maxMessageLength(int max) {
            this.maxMessageLength = max;
            return this;
        }

        /**
         * Accept CER from hosts that are not configured peers (otherwise 3010 DIAMETER_UNKNOWN_PEER). Such a peer
         * has the role {@link PeerConfig#DEFAULT_ROLE} (an SCS); for labs and tests.
         */
        public Builder acceptUnknownPeers(boolean accept) {
            this.acceptUnknownPeers = accept;
            return this;
        }

        public Builder peer(PeerConfig peer) {
            peers.add(peer);
            return this;
        }

        public Builder decodeLimits(DecodeLimits limits) {
            this.decodeLimits = limits;
            return this;
        }

        public Builder overload(OverloadSettings settings) {
            this.overload = settings;
            return this;
        }

        public Builder errorLogInterval(Duration interval) {
            this.errorLogInterval = interval;
            return this;
        }

        public DiameterNodeConfig build() {
            return new DiameterNodeConfig(this);
        }
    }
}
