package org.mtcgate.core.audit;

import org.apache.logging.log4j.message.MapMessage;

/**
 * One audit event as log4j carries it: named fields whose values are strings, numbers or null, written by the
 * JSON template layout as the members of one object (numbers as JSON numbers, strings escaped by log4j).
 */
final class AuditRecord extends MapMessage<AuditRecord, Object> {
    private static final long serialVersionUID = 1L;

    AuditRecord(String event) {
        super(16);
        with("event", event);
    }

    /** Adds a field; a null value is written as JSON null, so every event of a kind has the same fields. */
    AuditRecord field(String name, Object value) {
        with(name, value);
        return this;
    }
}
