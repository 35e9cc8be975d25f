package org.mtcgate.smpp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SMPP time fields (SMPP 3.4 7.1.1): absolute {@code YYMMDDhhmmsstnnp} ({@code nn} quarter hours from UTC,
 * {@code p} '+' or '-') or relative {@code YYMMDDhhmmss000R} (a year taken as 365 days, a month as 30).
 */
final class SmppTime {
    private static final DateTimeFormatter RECEIPT = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private SmppTime() {
    }

    /** The instant a time field names, seen at {@code now}. @throws IllegalArgumentException when malformed */
    static Instant resolve(String field, Instant now) {
        if (field.length() != 16 || !field.substring(0, 15).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + field + "' is not YYMMDDhhmmsstnnp");
        }
        int yy = num(field, 0);
        int mo = num(field, 2);
        int dd = num(field, 4);
        int hh = num(field, 6);
        int mi = num(field, 8);
        int ss = num(field, 10);
        char p = field.charAt(15);
        if (p == 'R') {
            return now.plus(Duration.ofDays(yy * 365L + mo * 30L + dd)).plus(Duration.ofHours(hh))
                    .plus(Duration.ofMinutes(mi)).plus(Duration.ofSeconds(ss));
        }
        if (p != '+' && p != '-') {
            throw new IllegalArgumentException("'" + field + "' ends in neither +, - nor R");
        }
        int quarters = num(field, 13);
        if (quarters > 48) {
            throw new IllegalArgumentException("'" + field + "' is more than 12 hours from UTC");
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + yy, mo, dd, hh, mi, ss, (field.charAt(12) - '0') * 100_000_000);
            int offsetSeconds = quarters * 15 * 60 * (p == '+' ? 1 : -1);
            return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + field + "' is no date: " + e.getMessage());
        }
    }

    /** YYMMDDhhmm in UTC, as delivery receipts write dates. */
    static String receiptDate(Instant at) {
        return RECEIPT.format(at);
    }

    private static int num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }
}
