package org.mtcgate.core.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Verdict;

import io.prometheus.metrics.core.metrics.CounterWithCallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The node's metrics, in one Prometheus registry owned by this object:
 * <ul>
 * <li>{@code mtcgate_verdicts_total{ingress, decision, rule}}: filter verdicts;</li>
 * <li>{@code mtcgate_diameter_messages_total{peer, direction}}, {@code mtcgate_diameter_errors_total{peer}};</li>
 * <li>{@code mtcgate_diameter_events_total{event}}: the Diameter endpoint's own counters, such as
 *     {@code internal_errors}, {@code too_busy_answers}, {@code decode_failures};</li>
 * <li>{@code mtcgate_m3ua_messages_total{association, direction}}, {@code mtcgate_m3ua_errors_total{association}};</li>
 * <li>{@code mtcgate_<interface>_seconds}: a latency histogram per interface, such as {@code tsp_dar};</li>
 * <li>{@code mtcgate_peer_up{protocol, peer}}: 1 or 0, read from {@link PeerStateSource}s at scrape time;</li>
 * <li>{@code mtcgate_map_protocol_errors_total{error}}: MAP dialogs answered with an error or abort for a protocol
 *     reason (unknown correlation, malformed TPDU, wrong application context, ...);</li>
 * <li>{@code mtcgate_router_forwarded_total{result}}: MT SMs the router forwarded, by how the serving node answered;</li>
 * <li>gauges and counters the roles read at scrape time ({@link #gauge}, {@link #counter}): held triggers and SMs by
 *     state, delivery attempts, queue depths;</li>
 * <li>{@code mtcgate_build_info{version, commit}}, {@code mtcgate_ready}, and the JVM's and process's own metrics
 *     ({@link JvmMetrics}).</li>
 * </ul>
 * Every name is listed in docs/metrics.md, which a test holds against what {@code /metrics} serves.
 * The methods called per message cost a map lookup and an atomic add: label children are looked up once and kept.
 * Exemplars are off, as nothing here traces.
 */
public final class NodeMetrics {
    /** Histogram bounds in seconds, from 0.1 ms (a verdict) to 1 s (an S6m round trip under load). */
    static final double[] LATENCY_BUCKETS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};
    /**
     * Verdicts are shared objects made when a policy is compiled; each reload makes new ones. Past this many
     * cached per ingress the cache is emptied and refilled from the counter's own label table, so reloads
     * cannot grow it without bound.
     */
    private static final int MAX_CACHED_VERDICTS = 4096;
    private static final Pattern INTERFACE = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern NAME = Pattern.compile("mtcgate_[a-z][a-z0-9_]{0,60}");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter verdicts;
    private final Counter diameterMessages;
    private final Counter diameterErrors;
    private final Counter m3uaMessages;
    private final Counter m3uaErrors;
    private final Counter mapProtocolErrors;
    private final Counter routerForwarded;
    private final Counter diameterEvents;
    private final Counter diameterRefusals;
    /** By ingress ordinal: the counter child of each verdict seen. */
    private final List<ConcurrentMap<Verdict, CounterDataPoint>> verdictPoints;
    private final ConcurrentMap<String, PeerCounters> diameterPeers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PeerCounters> m3uaAssociations = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Latency> latencies = new ConcurrentHashMap<>();
    private final Map<String, PeerStateSource> peerStates = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Predicate<String>> readyPeers = new ConcurrentHashMap<>();
    /** Conditions besides the peers that keep the node from being ready, each naming itself when it does. */
    private final List<Supplier<Optional<String>>> readiness = new CopyOnWriteArrayList<>();
    /** By ingress ordinal: the label value, as in policy files ({@code tsp}, {@code router-mt}). */
    private final List<String> ingressLabels;

    public NodeMetrics() {
        verdicts = Counter.builder().name("mtcgate_verdicts_total")
                .help("Filter verdicts by ingress, decision and the rule that decided")
                .labelNames("ingress", "decision", "rule").withoutExemplars().register(registry);
        diameterMessages = Counter.builder().name("mtcgate_diameter_messages_total")
                .help("Diameter messages by peer and direction").labelNames("peer", "direction")
                .withoutExemplars().register(registry);
        diameterErrors = Counter.builder().name("mtcgate_diameter_errors_total")
                .help("Diameter errors by peer").labelNames("peer").withoutExemplars().register(registry);
        m3uaMessages = Counter.builder().name("mtcgate_m3ua_messages_total")
                .help("M3UA messages by association and direction").labelNames("association", "direction")
                .withoutExemplars().register(registry);
        m3uaErrors = Counter.builder().name("mtcgate_m3ua_errors_total")
                .help("M3UA errors by association").labelNames("association").withoutExemplars().register(registry);
        mapProtocolErrors = Counter.builder().name("mtcgate_map_protocol_errors_total")
                .help("MAP dialogs answered with an error or abort for a protocol reason, by reason").labelNames("error")
                .withoutExemplars().register(registry);
        routerForwarded = Counter.builder().name("mtcgate_router_forwarded_total")
                .help("MT SMs forwarded by the SMS Router, by the serving node's answer").labelNames("result")
                .withoutExemplars().register(registry);
        diameterEvents = Counter.builder().name("mtcgate_diameter_events_total")
                .help("Events counted by the Diameter endpoint (errors, refusals, watchdog), by event")
                .labelNames("event").withoutExemplars().register(registry);
        diameterRefusals = Counter.builder().name("mtcgate_diameter_refusals_total")
                .help("Diameter requests refused because the peer is not trusted for them, by peer and rule")
                .labelNames("peer", "rule").withoutExemplars().register(registry);
        GaugeWithCallback.builder().name("mtcgate_peer_up")
                .help("1 if the peer is up, 0 if not, by protocol (diameter, m3ua) and peer name")
                .labelNames("protocol", "peer")
                .callback(cb -> peerStates.forEach((protocol, source) ->
                        source.peersUp().forEach((peer, up) -> cb.call(up ? 1 : 0, protocol, peer))))
                .register(registry);
        GaugeWithCallback.builder().name("mtcgate_ready")
                .help("1 when every listener is bound and every configured peer and association is up (as /ready), else 0")
                .callback(cb -> cb.call(notReady().isEmpty() ? 1 : 0)).register(registry);
        JvmMetrics.register(registry);
        List<ConcurrentMap<Verdict, CounterDataPoint>> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Ingress ingress : Ingress.values()) {
            points.add(new ConcurrentHashMap<>());
            labels.add(ingress.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        verdictPoints = List.copyOf(points);
        ingressLabels = List.copyOf(labels);
    }

    /** Counts one verdict. Cheap: one lookup keyed by the verdict object, one atomic add. */
    public void verdict(Ingress ingress, Verdict verdict) {
        ConcurrentMap<Verdict, CounterDataPoint> points = verdictPoints.get(ingress.ordinal());
        CounterDataPoint point = points.get(verdict);
        if (point == null) {
            if (points.size() >= MAX_CACHED_VERDICTS) {
                points.clear();
            }
            point = points.computeIfAbsent(verdict, v -> verdicts.labelValues(ingressLabels.get(ingress.ordinal()),
                    v.decision().name().toLowerCase(Locale.ROOT), v.ruleId()));
        }
        point.inc();
    }

    /**
     * Counts an item the filter allowed but that was refused later (UE unknown, SMS-SC refusing): decision
     * {@code refused}, under the rule that allowed it, so allowed counts only what went through.
     */
    public void refusedAfterFilter(Ingress ingress, Verdict verdict) {
        verdicts.labelValues(ingressLabels.get(ingress.ordinal()), "refused", verdict.ruleId()).inc();
    }

    /** Counts the verdict on an item, under the item's ingress. */
    public void verdict(InboundItem item, Verdict verdict) {
        verdict(item.ingress(), verdict);
    }

    /** Counts a MAP protocol error by its counter name ({@code unknown-correlation}, {@code malformed-tpdu}, ...). */
    public void mapProtocolError(String error) {
        mapProtocolErrors.labelValues(error).inc();
    }

    /**
     * The counter of one Diameter endpoint event, by its name in lower case ({@code too_busy_answers}). Keep the
     * result: the node looks each one up once and counts on it from the event loops.
     */
    public CounterDataPoint diameterEvent(String event) {
        return diameterEvents.labelValues(event);
    }

    /**
     * Counts a request refused by the Diameter trust checks. The peer is the authenticated (configured) one, so
     * the labels stay as few as peers times rules.
     */
    public void diameterRefusal(String peer, String rule) {
        diameterRefusals.labelValues(peer, rule).inc();
    }

    /** Counts an MT SM the router forwarded, by result ({@code delivered}, {@code map-error}, {@code failed}). */
    public void routerForwarded(String result) {
        routerForwarded.labelValues(result).inc();
    }

    /** The counters of one Diameter peer, by its Origin-Host or configured name. Keep the result. */
    public PeerCounters diameterPeer(String peer) {
        Objects.requireNonNull(peer, "peer");
        return diameterPeers.computeIfAbsent(peer, p -> new PeerCounters(diameterMessages.labelValues(p, "in"),
                diameterMessages.labelValues(p, "out"), diameterErrors.labelValues(p)));
    }

    /** The counters of one M3UA association, by its configured name. Keep the result. */
    public PeerCounters m3uaAssociation(String association) {
        Objects.requireNonNull(association, "association");
        return m3uaAssociations.computeIfAbsent(association, a -> new PeerCounters(m3uaMessages.labelValues(a, "in"),
                m3uaMessages.labelValues(a, "out"), m3uaErrors.labelValues(a)));
    }

    /**
     * The latency histogram {@code mtcgate_<interfaceName>_seconds}, made on first use; interface names are lower
     * case, such as {@code tsp_dar}, {@code s6m_sir}, {@code map_mt_fsm}. Keep the result.
     */
    public Latency latency(String interfaceName) {
        if (!INTERFACE.matcher(interfaceName).matches()) {
            throw new IllegalArgumentException("interface name '" + interfaceName
                    + "' is not lower-case letters, digits and '_' starting with a letter");
        }
        return latencies.computeIfAbsent(interfaceName, name -> new Latency(Histogram.builder()
                .name("mtcgate_" + name + "_seconds")
                .help("Time to handle one " + name + " request, in seconds")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars().register(registry)
                .labelValues()));
    }

    /** Reports the peers of a protocol ({@code diameter}, {@code m3ua}) in {@code mtcgate_peer_up}; replaces an earlier source. */
    public void peerStates(String protocol, PeerStateSource source) {
        peerStates(protocol, source, peer -> true);
    }

    /**
     * As {@link #peerStates(String, PeerStateSource)}, where only the peers {@code neededForReady} accepts keep the
     * node from being ready. A Diameter SCS that connects when it likes is shown, but must not take the node out of
     * service: the node would then never be offered to the SCS that is to connect.
     */
    public void peerStates(String protocol, PeerStateSource source, java.util.function.Predicate<String> neededForReady) {
        peerStates.put(Objects.requireNonNull(protocol, "protocol"), Objects.requireNonNull(source, "source"));
        readyPeers.put(protocol, Objects.requireNonNull(neededForReady, "neededForReady"));
    }

    /** {@code mtcgate_build_info{version, commit}} 1: which build runs, for dashboards and alerts after an upgrade. */
    public void buildInfo(String version, String commit) {
        GaugeWithCallback.builder().name("mtcgate_build_info").help("The running build: version and git commit, value 1")
                .labelNames("version", "commit").callback(cb -> cb.call(1, version, commit)).register(registry);
    }

    /**
     * A gauge read at scrape time, one series per key of what {@code values} returns (label {@code label}), or one
     * series without labels when {@code label} is null (then the map's single value counts). {@code values} runs on
     * the scraping thread: it must be quick. Names start with {@code mtcgate_}; list each in docs/metrics.md.
     */
    public void gauge(String name, String help, String label, Supplier<? extends Map<String, ? extends Number>> values) {
        GaugeWithCallback.Builder b = GaugeWithCallback.builder().name(checked(name)).help(help);
        if (label != null) {
            b.labelNames(label);
        }
        b.callback(cb -> read(values).forEach((k, v) -> cb.call(v.doubleValue(), labelValues(label, k))))
                .register(registry);
    }

    /** As {@link #gauge}, for a count that only grows (its name ends in {@code _total}). */
    public void counter(String name, String help, String label, Supplier<? extends Map<String, ? extends Number>> values) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("counter " + name + " does not end in _total");
        }
        CounterWithCallback.Builder b = CounterWithCallback.builder().name(checked(name)).help(help);
        if (label != null) {
            b.labelNames(label);
        }
        b.callback(cb -> read(values).forEach((k, v) -> cb.call(v.doubleValue(), labelValues(label, k))))
                .register(registry);
    }

    private static String[] labelValues(String label, String key) {
        return label == null ? new String[0] : new String[] {key};
    }

    /** A source that fails (a store closing under a scrape) gives no series rather than failing the whole scrape. */
    private static Map<String, ? extends Number> read(Supplier<? extends Map<String, ? extends Number>> values) {
        try {
            return values.get();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name '" + name + "' is not mtcgate_ and lower-case letters, digits, '_'");
        }
        return name;
    }

    /** Adds a condition of readiness: empty when met, else what is not ready (e.g. "the node is stopping"). */
    public void readinessCondition(Supplier<Optional<String>> condition) {
        readiness.add(Objects.requireNonNull(condition, "condition"));
    }

    /**
     * What keeps the node from being ready, empty when it is: every condition added, and every peer reported
     * through {@link #peerStates} that is not up and is needed for readiness ("m3ua msc1 down").
     */
    public List<String> notReady() {
        List<String> out = new ArrayList<>();
        readiness.forEach(c -> c.get().ifPresent(out::add));
        new java.util.TreeMap<>(peerStates).forEach((protocol, source) -> source.peersUp().forEach((peer, up) -> {
            if (!up && readyPeers.getOrDefault(protocol, p -> true).test(peer)) {
                out.add(protocol + " " + peer + " down");
            }
        }));
        return out;
    }

    /** The registry, for the HTTP endpoint and for anything else that scrapes. */
    public PrometheusRegistry registry() {
        return registry;
    }
}
