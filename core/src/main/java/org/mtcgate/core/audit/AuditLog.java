package org.mtcgate.core.audit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.DeviceActionResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The node's audit trail: one JSON object per line in {@code audit.jsonl} in a given directory, for every
 * verdict, every trigger state change and every console command that changes state.
 *
 * <p>It runs its own log4j {@link LoggerContext}, configured here in code, so that no log4j2.xml can route,
 * drop or reformat audit records, and nothing else lands in the audit file. Records are written by log4j's JSON
 * template layout, whose escaping of quotes, backslashes, control characters and non-ASCII text is log4j's own.
 *
 * <p>The file rolls over by size to {@code audit-1.jsonl.gz}, {@code audit-2.jsonl.gz}, ... (1 newest), keeping a
 * configured number of rolled files.
 *
 * <p>IMSIs are masked to MCC+MNC ({@link org.mtcgate.filter.Imsi#masked()}) unless {@code revealImsi} is set:
 * the audit file is read by more people than need subscriber identities.
 */
public final class AuditLog implements AutoCloseable {
    /** The current file's name in the audit directory. */
    public static final String FILE_NAME = "audit.jsonl";
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_FILES_KEPT = 10;
    /**
     * Records waiting for the writer thread. Callers (Netty event loops, MAP threads) only enqueue; they wait
     * only when this many records are already waiting, i.e. when the disk has stalled. We block rather than drop
     * then: an audit trail with silent gaps is worse than back-pressure on a node whose disk is failing.
     */
    static final int QUEUE_SIZE = 8192;
    private static final String LOGGER = "mtcgate.audit";
    private static final long STOP_SECONDS = 30;
    private static final String TEMPLATE = "{"
            + "\"time\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSSXXX\",\"timeZone\":\"UTC\"}},"
            + "\"fields\":{\"$resolver\":\"map\",\"flatten\":true}"
            + "}";

    /**
     * Queue room kept for verdicts, trigger states and console records: a refusal is dropped (and counted) rather
     * than enqueued when fewer slots than this are free. Refusals are the one record a peer can cause at line
     * rate with garbage; they must not make jSS7's threads wait on a stalled disk, nor crowd out verdicts.
     */
    static final int REFUSAL_RESERVE = QUEUE_SIZE / 4;

    private final boolean revealImsi;
    private final LoggerContext context;
    private final Logger logger;
    private final org.apache.logging.log4j.core.appender.AsyncAppender queue;
    private final java.util.concurrent.atomic.LongAdder refusalsDropped = new java.util.concurrent.atomic.LongAdder();

    /** An audit log in {@code directory} with default rotation, masking IMSIs unless {@code revealImsi}. */
    public AuditLog(Path directory, boolean revealImsi) {
        this(directory, revealImsi, DEFAULT_MAX_FILE_BYTES, DEFAULT_FILES_KEPT);
    }

    /**
     * @param directory    where {@code audit.jsonl} and its rolled files live; created if missing
     * @param revealImsi   write IMSIs in full instead of masked
     * @param maxFileBytes roll over once the current file reaches this size
     * @param filesKept    rolled files kept; older ones are deleted
     */
    public AuditLog(Path directory, boolean revealImsi, long maxFileBytes, int filesKept) {
        Objects.requireNonNull(directory, "directory");
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("audit file size limit " + maxFileBytes + " is below 1024 bytes");
        }
        if (filesKept < 1) {
            throw new IllegalArgumentException("audit files kept must be at least 1, not " + filesKept);
        }
        this.revealImsi = revealImsi;
        this.context = new LoggerContext("mtcgate-audit@" + directory.toAbsolutePath());
        context.start(configuration(directory.toAbsolutePath(), maxFileBytes, filesKept));
        this.logger = context.getLogger(LOGGER);
        this.queue = context.getConfiguration().getAppender("audit");
    }

    private static Configuration configuration(Path dir, long maxFileBytes, int filesKept) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("mtcgate-audit");
        b.setStatusLevel(Level.WARN);
        // bufferedIo without immediateFlush: the async appender's thread marks the last record of each batch,
        // and the file is flushed then, so a record reaches the OS within one batch without a write per record
        b.add(b.newAppender("auditFile", "RollingFile")
                .addAttribute("fileName", dir.resolve(FILE_NAME).toString())
                .addAttribute("filePattern", dir.resolve("audit-%i.jsonl.gz").toString())
                .addAttribute("createOnDemand", false)
                .addAttribute("bufferedIo", true)
                .addAttribute("immediateFlush", false)
                .add(b.newLayout("JsonTemplateLayout").addAttribute("eventTemplate", TEMPLATE))
                .addComponent(b.newComponent("Policies").addComponent(
                        b.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", Long.toString(maxFileBytes))))
                .addComponent(b.newComponent("DefaultRolloverStrategy")
                        .addAttribute("max", filesKept).addAttribute("fileIndex", "min")));
        b.add(b.newAppender("audit", "Async")
                .addAttribute("bufferSize", QUEUE_SIZE)
                .addAttribute("blocking", true)
                .addAttribute("shutdownTimeout", STOP_SECONDS * 1000)
                .addComponent(b.newAppenderRef("auditFile")));
        b.add(b.newLogger(LOGGER, Level.INFO).add(b.newAppenderRef("audit")).addAttribute("additivity", false));
        b.add(b.newRootLogger(Level.OFF));
        return b.build(false);
    }

    /** Records a filter verdict on an item. */
    public void verdict(InboundItem item, Verdict verdict) {
        logger.info(verdictRecord(item, verdict.decision().name().toLowerCase(Locale.ROOT), verdict.ruleId(),
                verdict.reason(), verdict.requestStatus(), null));
    }

    /**
     * Records the verdict on a device trigger with what became of it, under its Reference-Number so that it links
     * to the trigger's state records. A trigger the filter allowed but that was refused later (the HSS, the store,
     * the SMS-SC) is recorded as {@code refused} with the Request-Status the SCS got; the rule is the one that
     * allowed it.
     *
     * @param reference the trigger's Reference-Number
     * @param result    the answer the SCS got
     */
    public void triggerVerdict(InboundItem item, Verdict verdict, long reference, DeviceActionResult result) {
        boolean refusedAfterFilter = verdict.allowed() && !result.triggerTaken();
        String decision = refusedAfterFilter ? "refused" : verdict.decision().name().toLowerCase(Locale.ROOT);
        logger.info(verdictRecord(item, decision, verdict.ruleId(), refusedAfterFilter
                ? "allowed by the filter, then refused: " + result.reason() : verdict.reason(),
                result.requestStatus(), reference));
    }

    private AuditRecord verdictRecord(InboundItem item, String decision, String rule, String reason, RequestStatus status,
                                      Long reference) {
        Originator o = item.originator();
        return new AuditRecord("verdict")
                .field("ingress", item.ingress().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .field("kind", item.kind().policyName())
                .field("originator", o.identity())
                .field("originator_address", digits(o.address()))
                .field("calling_gt", digits(o.networkNode()))
                .field("tp_oa", digits(o.tpOriginatingAddress()))
                .field("link_peer", o.arrivalLink() == null ? null : o.arrivalLink().peer())
                .field("link_zone", o.arrivalLink() == null ? null : o.arrivalLink().zone().configName())
                .field("msisdn", item.targetMsisdn() == null ? null : item.targetMsisdn().digits())
                .field("imsi", item.targetImsi() == null ? null
                        : revealImsi ? item.targetImsi().digits() : item.targetImsi().masked())
                .field("external_id", item.targetExternalId() == null ? null : item.targetExternalId().value())
                .field("tp_pid", item.tpPid())
                .field("reference", reference)
                .field("decision", decision)
                .field("rule", rule)
                .field("reason", reason)
                .field("request_status", status.name())
                .field("request_status_code", status.code());
    }

    /**
     * Records a Diameter request refused because its peer is not trusted for it (role, application, identity).
     *
     * @param peer          the authenticated peer (CER Origin-Host, proved by its certificate)
     * @param remoteAddress the connection's remote address
     * @param claimedOrigin the Origin-Host the request carried; may differ from {@code peer}, or be null
     * @param rule          the check that refused it
     * @param reason        for an operator
     */
    public void diameterRefusal(String peer, String remoteAddress, String claimedOrigin, long applicationId, int commandCode,
                                long resultCode, String rule, String reason) {
        logger.info(new AuditRecord("diameter-refusal")
                .field("peer", peer)
                .field("remote_address", remoteAddress)
                .field("claimed_origin_host", claimedOrigin)
                .field("application_id", applicationId)
                .field("command_code", commandCode)
                .field("result_code", resultCode)
                .field("rule", rule)
                .field("reason", reason));
    }

    /**
     * Records a NAF's request for a GBA key on Zn (TS 29.109) and what it got; never the key.
     *
     * @param naf     the NAF's authenticated Diameter identity
     * @param btid    the B-TID asked for, or null when unreadable
     * @param nafFqdn the NAF FQDN of its NAF-Id, or null when unreadable
     * @param outcome "served" or the refusal's rule
     * @param code    the (Experimental-)Result-Code answered
     * @param reason  why, for an operator
     */
    public void gbaKeyRequest(String naf, String btid, String nafFqdn, String outcome, long code, String reason) {
        gbaRequest("gba-key-request", "btid", naf, btid, nafFqdn, outcome, code, reason);
    }

    /**
     * Records a Push-NAF's request for a GPI on Zpn (TS 29.109, GBA Push) and what it got; never the key or the GPI.
     *
     * @param naf     the Push-NAF's authenticated Diameter identity
     * @param ueId    the UE-Id asked for, or null when unreadable
     * @param nafFqdn the NAF FQDN of its NAF-Id, or null when unreadable
     * @param outcome "served" or the refusal's rule
     * @param code    the (Experimental-)Result-Code answered
     * @param reason  why, for an operator
     */
    public void gbaPushRequest(String naf, String ueId, String nafFqdn, String outcome, long code, String reason) {
        gbaRequest("gba-push-request", "ue_id", naf, ueId, nafFqdn, outcome, code, reason);
    }

    /** A BSF key request (Zn or Zpn), whose records differ only in their type and the field naming the subject. */
    private void gbaRequest(String type, String subjectField, String naf, String subject, String nafFqdn, String outcome,
                            long code, String reason) {
        logger.info(new AuditRecord(type)
                .field("peer", naf)
                .field(subjectField, subject)
                .field("naf_fqdn", nafFqdn)
                .field("decision", "served".equals(outcome) ? "served" : "refused")
                .field("rule", outcome)
                .field("result_code", code)
                .field("reason", reason));
    }

    /**
     * Records a device trigger's change of state.
     *
     * @param scsIdentity     the SCS that asked for the trigger
     * @param referenceNumber its Reference-Number (TS 29.368)
     * @param oldState        the state left, or null for a new trigger
     * @param newState        the state entered
     * @param detail          why, for an operator; may be null
     */
    public void triggerState(String scsIdentity, long referenceNumber, String oldState, String newState, String detail) {
        logger.info(new AuditRecord("trigger")
                .field("scs", Objects.requireNonNull(scsIdentity, "scsIdentity"))
                .field("reference", referenceNumber)
                .field("old_state", oldState)
                .field("new_state", Objects.requireNonNull(newState, "newState"))
                .field("detail", detail));
    }

    /**
     * Records Diameter requests refused with 3004 DIAMETER_TOO_BUSY. A flood is recorded in aggregate: the first
     * refusal at once, then at most one record a second per peer with the refusals since the previous record.
     *
     * @param peer    the peer's authenticated Origin-Host
     * @param scope   {@code peer} or {@code total}: which bound on pending requests was met
     * @param refused requests refused since the previous record for this peer
     * @param pending requests pending under that bound
     * @param limit   the bound
     */
    public void diameterOverload(String peer, String scope, long refused, int pending, int limit) {
        logger.info(new AuditRecord("diameter-overload")
                .field("peer", peer)
                .field("scope", scope)
                .field("refused", refused)
                .field("result_code", 3004)
                .field("pending", pending)
                .field("limit", limit));
    }

    /**
     * Records a console command that changes state. Same shape as the console's auditor callback, so the node
     * passes {@code auditLog::console}.
     */
    public void console(String user, String command, String outcome) {
        logger.info(new AuditRecord("console")
                .field("user", user)
                .field("command", command)
                .field("outcome", outcome));
    }

    /**
     * Records a refusal made before or beside the filter (a protocol error, a dialog cap, an undecodable
     * component): one line with its rule and reason. Dropped, and counted in {@link #refusalsDropped()}, when the
     * writer is so far behind that the queue is nearly full; never waits.
     *
     * @param source    where it was decided, e.g. "map-gate", "sms-router"
     * @param peer      the adjacent peer (link) it came from, or null
     * @param callingGt the SCCP calling GT, or null
     * @param operation the MAP operation code, or null
     * @param context   the application context, or null
     * @param rule      the rule id, e.g. map-multiple-components
     * @param reason    why, for an operator
     * @param answer    what the peer got, or null
     * @return false when the record was dropped
     */
    public boolean refusal(String source, String peer, String callingGt, Long operation, String context, String rule,
                           String reason, String answer) {
        if (queue != null && queue.getQueueRemainingCapacity() < REFUSAL_RESERVE) {
            refusalsDropped.increment();
            return false;
        }
        logger.info(new AuditRecord("refusal")
                .field("source", source)
                .field("peer", peer)
                .field("calling_gt", callingGt)
                .field("operation", operation)
                .field("context", context)
                .field("decision", "refused")
                .field("rule", Objects.requireNonNull(rule, "rule"))
                .field("reason", reason)
                .field("answer", answer));
        return true;
    }

    /** Records waiting for the writer thread now. */
    public int queued() {
        return queue == null ? 0 : queue.getQueueCapacity() - queue.getQueueRemainingCapacity();
    }

    /** Refusal records dropped because the audit queue was nearly full. */
    public long refusalsDropped() {
        return refusalsDropped.sum();
    }

    /** Writes what is queued, closes the file and stops the writer thread. */
    @Override
    public void close() {
        context.stop(STOP_SECONDS, TimeUnit.SECONDS);
    }

    private static String digits(GlobalTitle gt) {
        return gt == null ? null : gt.digits();
    }
}
