package org.mtcgate.diameter.dictionary;

import java.util.List;
import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.AvpData;
import org.mtcgate.diameter.codec.AvpDecodeException;
import org.mtcgate.diameter.codec.AvpLimitException;
import org.mtcgate.diameter.codec.DecodeLimits;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * Checks a received request against the dictionary and returns the first error in the order
 * RFC 6733 7 implies: header bits, application, command, each AVP's bits and value, then the
 * command grammar. Pure function of its input; the peer layer turns the error into an answer.
 *
 * <p>This is the only place that descends into Grouped AVPs generically, so it enforces the
 * {@link DecodeLimits}: the recursion is at most {@code maxGroupedDepth} deep, and each Grouped value is
 * split with the AVP budget that is left, so neither deep nesting nor many tiny AVPs can cost more than the
 * limits allow. Beyond the depth: 5004 DIAMETER_INVALID_AVP_VALUE on the Grouped AVP whose value nests
 * too deep (Failed-AVP: that AVP without its data, which would echo the whole nest back). Beyond the AVP
 * count: 5009 DIAMETER_AVP_OCCURS_TOO_MANY_TIMES with the first AVP over the limit.
 */
public final class MessageValidator {
    private final Dictionary dictionary;
    private final DecodeLimits limits;

    public MessageValidator(Dictionary dictionary) {
        this(dictionary, DecodeLimits.DEFAULT);
    }

    public MessageValidator(Dictionary dictionary, DecodeLimits limits) {
        this.dictionary = dictionary;
        this.limits = limits;
    }

    public Optional<ValidationError> validateRequest(DiameterMessage m) {
        // RFC 6733 3: reserved bits MUST be zero; a request MUST NOT have the E bit.
        if ((m.flags() & DiameterMessage.FLAGS_RESERVED) != 0 || m.isError()) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_HDR_BITS, null,
                    "command flags 0x" + Integer.toHexString(m.flags())));
        }
        if (!dictionary.knowsApplication(m.applicationId())) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_APPLICATION_UNSUPPORTED, null,
                    "application " + m.applicationId()));
        }
        Optional<CommandDefinition> cmd = dictionary.command(m.applicationId(), m.commandCode());
        if (cmd.isEmpty()) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_COMMAND_UNSUPPORTED, null,
                    "command " + m.commandCode() + " in application " + m.applicationId()));
        }
        // RFC 6733 6.1.9 / 3: the P bit of a request must match the command definition.
        if (m.isProxiable() != cmd.get().proxiable()) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_HDR_BITS, null,
                    "P bit does not match " + cmd.get().name()));
        }
        return validateAvps(m.avps(), cmd.get().request());
    }

    /**
     * Checks a message this node is about to send (or a peer sent as an answer) against its command's grammar:
     * requests and answers against their own, E-bit answers against RFC 6733 7.2 answer-message. Used by tests
     * to prove that no message carries an AVP its grammar does not name.
     */
    public Optional<ValidationError> validateOutgoing(DiameterMessage m) {
        if (m.isRequest()) {
            return validateRequest(m);
        }
        if (m.isError()) {
            return validateAvps(m.avps(), ANSWER_MESSAGE);
        }
        Optional<CommandDefinition> cmd = dictionary.command(m.applicationId(), m.commandCode());
        if (cmd.isEmpty()) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_COMMAND_UNSUPPORTED, null,
                    "command " + m.commandCode() + " in application " + m.applicationId()));
        }
        return validateAvps(m.avps(), cmd.get().answer());
    }

    /** RFC 6733 7.2: the grammar of every answer with the E bit. */
    private static final CommandGrammar ANSWER_MESSAGE = new CommandGrammar(java.util.List.of(
            AvpRule.optional(AvpKey.base(AvpCodes.SESSION_ID)), AvpRule.required(AvpKey.base(AvpCodes.ORIGIN_HOST)),
            AvpRule.required(AvpKey.base(AvpCodes.ORIGIN_REALM)), AvpRule.required(AvpKey.base(AvpCodes.RESULT_CODE)),
            AvpRule.optional(AvpKey.base(AvpCodes.ORIGIN_STATE_ID)), AvpRule.optional(AvpKey.base(AvpCodes.ERROR_MESSAGE)),
            AvpRule.optional(AvpKey.base(AvpCodes.ERROR_REPORTING_HOST)), AvpRule.optional(AvpKey.base(AvpCodes.FAILED_AVP)),
            AvpRule.optional(AvpKey.base(AvpCodes.EXPERIMENTAL_RESULT)), AvpRule.any(AvpKey.base(AvpCodes.PROXY_INFO))),
            true, true);

    /** Validates AVPs against a grammar; used for messages and, recursively, for Grouped values. */
    public Optional<ValidationError> validateAvps(List<Avp> avps, CommandGrammar grammar) {
        return validateAvps(avps, grammar, 1, new int[] {limits.maxAvps()});
    }

    /** {@code budget[0]}: AVPs the message may still have; {@code depth}: the level of {@code avps}. */
    private Optional<ValidationError> validateAvps(List<Avp> avps, CommandGrammar grammar, int depth, int[] budget) {
        if (avps.size() > budget[0]) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES, avps.get(budget[0]),
                    "more than " + limits.maxAvps() + " AVPs in the message"));
        }
        budget[0] -= avps.size();
        // Runs for every request: counts by rule position, and rules found by a plain scan (grammars have a
        // dozen lines), so a valid message costs one small array and no boxing, streams or map entries.
        List<AvpRule> rules = grammar.rules();
        int[] counts = new int[rules.size()];
        for (Avp a : avps) {
            Optional<ValidationError> e = validateAvp(a, depth, budget);
            if (e.isPresent()) {
                return e;
            }
            AvpKey key = new AvpKey(a.code(), a.vendorId());
            int i = indexOf(rules, key);
            if (i < 0) {
                if (grammar.strictMandatory() && a.isMandatory()) {
                    return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_UNSUPPORTED, a,
                            "AVP " + dictionary.avp(key).map(AvpDefinition::name).orElse(key.toString())
                                    + " with the M bit is not in this command's grammar"));
                }
                if (!grammar.open() && dictionary.avp(key).isPresent()) {
                    return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_NOT_ALLOWED, a, "AVP " + key + " not in grammar"));
                }
                continue;
            }
            AvpRule rule = rules.get(i);
            if (rule.max() == 0) {
                return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_NOT_ALLOWED, a, "AVP " + key + " not allowed"));
            }
            if (++counts[i] > rule.max()) {
                // RFC 6733 7.1.5: Failed-AVP holds the first instance that exceeds the maximum.
                return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES, a,
                        "AVP " + key + " occurs more than " + rule.max() + " times"));
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            AvpRule r = rules.get(i);
            if (counts[i] < r.min()) {
                return Optional.of(ValidationError.of(ResultCode.DIAMETER_MISSING_AVP, missingExample(r.avp()),
                        "missing AVP " + dictionary.avp(r.avp()).map(AvpDefinition::name).orElse(r.avp().toString())));
            }
        }
        return Optional.empty();
    }

    /** The position of the first rule for {@code key}, or -1. */
    private static int indexOf(List<AvpRule> rules, AvpKey key) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).avp().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<ValidationError> validateAvp(Avp a, int depth, int[] budget) {
        if ((a.flags() & Avp.FLAGS_RESERVED) != 0) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_BITS, a, "reserved AVP flag bits"));
        }
        Optional<AvpDefinition> def = dictionary.avp(a.code(), a.vendorId());
        if (def.isEmpty()) {
            // RFC 6733 4.1: an unrecognised AVP with the M bit fails the message; without it, it is ignored.
            return a.isMandatory()
                    ? Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_UNSUPPORTED, a, "unknown mandatory AVP " + a.code()))
                    : Optional.empty();
        }
        AvpDefinition d = def.get();
        if (!d.mandatory().allows(a.isMandatory())) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_BITS, a, d.name() + " M bit"));
        }
        int fixed = d.type().fixedLength();
        if (fixed >= 0 && a.dataLength() != fixed) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_LENGTH, a,
                    d.name() + " data length " + a.dataLength()));
        }
        try {
            switch (d.type()) {
                case ENUMERATED -> {
                    if (!d.enumValues().isEmpty() && !d.enumValues().contains((long) a.integer32())) {
                        return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_VALUE, a,
                                d.name() + " value " + a.integer32()));
                    }
                }
                case UTF8_STRING -> a.utf8();
                case DIAMETER_IDENTITY -> {
                    if (!isDiameterIdentity(a.data())) {
                        return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_VALUE, a, d.name() + " not an FQDN"));
                    }
                }
                case ADDRESS -> AvpData.address(a.data());
                case GROUPED -> {
                    if (a.code() != AvpCodes.FAILED_AVP) {
                        if (depth >= limits.maxGroupedDepth() && a.dataLength() > 0) {
                            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_VALUE,
                                    Avp.raw(a.code(), a.flags(), a.vendorId(), new byte[0]),
                                    d.name() + " nests AVPs deeper than " + limits.maxGroupedDepth() + " levels"));
                        }
                        List<Avp> children;
                        try {
                            children = a.groupedAvps(budget[0]);
                        } catch (AvpLimitException e) {
                            return Optional.of(ValidationError.of(ResultCode.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES,
                                    e.firstBeyondLimit(), "more than " + limits.maxAvps() + " AVPs in the message"));
                        } catch (AvpDecodeException e) {
                            // RFC 6733 7.1.5: an AVP with an invalid length is 5014 wherever it is; 7.5 lets
                            // Failed-AVP hold the Grouped AVP around it, so the peer sees where it was.
                            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_LENGTH,
                                    Avp.raw(a.code(), a.flags(), a.vendorId(), AvpData.ofGrouped(List.of(e.offendingAvp()))),
                                    d.name() + ": " + e.getMessage()));
                        }
                        Optional<ValidationError> inner = validateAvps(children,
                                new CommandGrammar(d.groupRules(), d.groupOpen()), depth + 1, budget);
                        if (inner.isPresent()) {
                            return inner;
                        }
                    }
                }
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(ValidationError.of(ResultCode.DIAMETER_INVALID_AVP_VALUE, a, d.name() + ": " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** RFC 6733 7.1.5 (5005): an example of the missing AVP, value zero-filled to its minimum length. */
    private Avp missingExample(AvpKey key) {
        Optional<AvpDefinition> d = dictionary.avp(key);
        int len = d.map(x -> Math.max(0, x.type().fixedLength())).orElse(0);
        boolean m = d.map(x -> x.mandatory() == FlagRule.MUST).orElse(true);
        return Avp.builder(key.code()).vendor(key.vendorId()).mandatory(m).octets(new byte[len]);
    }

    /** RFC 6733 4.3.1: DiameterIdentity is an FQDN; accept printable ASCII without spaces. */
    static boolean isDiameterIdentity(byte[] d) {
        if (d.length == 0 || d.length > 255) {
            return false;
        }
        for (byte b : d) {
            if (b <= 0x20 || b >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
