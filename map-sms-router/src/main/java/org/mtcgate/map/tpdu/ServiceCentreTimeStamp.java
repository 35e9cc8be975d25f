package org.mtcgate.map.tpdu;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TP-SCTS (TS 23.040 9.2.3.11): seven octets of swapped BCD, year (two digits), month, day, hour, minute,
 * second, time zone. The time zone is in quarters of an hour; bit 3 of its octet (the high bit of the
 * first, tens, semi-octet) is the sign. Also the layout of an absolute TP-VP (9.2.3.12.2).
 *
 * @param timeZoneQuarters offset from GMT in quarters of an hour, -79..79
 */
public record ServiceCentreTimeStamp(int year, int month, int day, int hour, int minute, int second,
                                     int timeZoneQuarters) {
    static final int LENGTH = 7;

    public ServiceCentreTimeStamp {
        for (int v : new int[] {year, month, day, hour, minute, second}) {
            if (v < 0 || v > 99) {
                throw new IllegalArgumentException("TP-SCTS field " + v + " is not two BCD digits");
            }
        }
        if (timeZoneQuarters < -79 || timeZoneQuarters > 79) {
            throw new IllegalArgumentException("TP-SCTS time zone " + timeZoneQuarters + " is out of -79..79");
        }
    }

    /** The time stamp of {@code time}, truncated to seconds; its offset must be a whole quarter of an hour. */
    public static ServiceCentreTimeStamp of(OffsetDateTime time) {
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds % 900 != 0) {
            throw new IllegalArgumentException("offset " + time.getOffset() + " is not whole quarters of an hour");
        }
        return new ServiceCentreTimeStamp(time.getYear() % 100, time.getMonthValue(), time.getDayOfMonth(),
                time.getHour(), time.getMinute(), time.getSecond(), offsetSeconds / 900);
    }

    /** This time stamp as a date in 2000..2099; throws {@link DateTimeException} if it names no real date. */
    public OffsetDateTime toOffsetDateTime() {
        return OffsetDateTime.of(2000 + year, month, day, hour, minute, second, 0,
                ZoneOffset.ofTotalSeconds(timeZoneQuarters * 900));
    }

    static ServiceCentreTimeStamp decode(TpduReader in, String field) throws TpduException {
        int start = in.position();
        byte[] octets = in.readOctets(field, LENGTH);
        int[] values = new int[6];
        for (int i = 0; i < 6; i++) {
            values[i] = swappedBcd(octets[i], field, start + i);
        }
        int tz = octets[6] & 0xFF;
        int tens = tz & 0x07;
        int units = (tz >>> 4) & 0x0F;
        if (units > 9) {
            throw new TpduException(field, start + 6, String.format("time zone octet %02X is not BCD", tz));
        }
        int quarters = tens * 10 + units;
        return new ServiceCentreTimeStamp(values[0], values[1], values[2], values[3], values[4], values[5],
                (tz & 0x08) != 0 ? -quarters : quarters);
    }

    byte[] encode() {
        byte[] out = new byte[LENGTH];
        int[] values = {year, month, day, hour, minute, second};
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((values[i] % 10) << 4 | values[i] / 10);
        }
        int quarters = Math.abs(timeZoneQuarters);
        out[6] = (byte) ((quarters % 10) << 4 | quarters / 10 | (timeZoneQuarters < 0 ? 0x08 : 0));
        return out;
    }

    private static int swappedBcd(byte octet, String field, int offset) throws TpduException {
        int low = octet & 0x0F;
        int high = (octet >>> 4) & 0x0F;
        if (low > 9 || high > 9) {
            throw new TpduException(field, offset, String.format("octet %02X is not swapped BCD", octet & 0xFF));
        }
        return low * 10 + high;
    }
}
