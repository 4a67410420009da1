package dev.gild.stdlib.time;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * strftime with the GNU C library's directives in the C locale, including its padding flags
 * ({@code %-d} no padding, {@code %_d} spaces, {@code %0e} zeros). An unknown directive is copied
 * as it stands, as glibc does.
 */
final class TimeFormat {
    private TimeFormat() {}

    static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    static String format(String format, TimeTuple t) {
        StringBuilder sb = new StringBuilder(format.length() + 16);
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= n) {
                sb.append(c);
                continue;
            }
            int start = i;
            char pad = 0;
            char next = format.charAt(i + 1);
            if ((next == '-' || next == '_' || next == '0') && i + 2 < n) {
                pad = next == '-' ? '-' : next == '_' ? ' ' : '0';
                i++;
            }
            char d = format.charAt(i + 1);
            if ((d == 'E' || d == 'O') && i + 2 < n) {
                i++;
                d = format.charAt(i + 1);
            }
            i++;
            if (!directive(sb, d, pad, t)) sb.append(format, start, i + 1);
        }
        return sb.toString();
    }

    /** Appends one directive; false when it is not one. */
    private static boolean directive(StringBuilder sb, char d, char pad, TimeTuple t) {
        int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
        int sundayWeekday = (t.wday + 1) % 7;
        switch (d) {
            case 'a' -> sb.append(DAY_NAMES[t.wday], 0, 3);
            case 'A' -> sb.append(DAY_NAMES[t.wday]);
            case 'b', 'h' -> sb.append(MONTH_NAMES[t.month - 1], 0, 3);
            case 'B' -> sb.append(MONTH_NAMES[t.month - 1]);
            case 'c' -> {
                directive(sb, 'a', pad, t);
                sb.append(' ');
                directive(sb, 'b', pad, t);
                sb.append(' ');
                number(sb, t.mday, 2, ' ');
                sb.append(' ');
                directive(sb, 'T', pad, t);
                sb.append(' ').append(t.year);
            }
            case 'C' -> number(sb, Math.floorDiv(t.year, 100), 2, pad == 0 ? '0' : pad);
            case 'd' -> number(sb, t.mday, 2, pad == 0 ? '0' : pad);
            case 'e' -> number(sb, t.mday, 2, pad == 0 ? ' ' : pad);
            case 'D', 'x' -> {
                number(sb, t.month, 2, '0');
                sb.append('/');
                number(sb, t.mday, 2, '0');
                sb.append('/');
                number(sb, Math.floorMod(t.year, 100), 2, '0');
            }
            case 'F' -> {
                sb.append(t.year).append('-');
                number(sb, t.month, 2, '0');
                sb.append('-');
                number(sb, t.mday, 2, '0');
            }
            case 'G', 'g', 'V' -> isoWeek(sb, d, pad, t);
            case 'H' -> number(sb, t.hour, 2, pad == 0 ? '0' : pad);
            case 'I' -> number(sb, hour12, 2, pad == 0 ? '0' : pad);
            case 'j' -> number(sb, t.yday, 3, pad == 0 ? '0' : pad);
            case 'k' -> number(sb, t.hour, 2, pad == 0 ? ' ' : pad);
            case 'l' -> number(sb, hour12, 2, pad == 0 ? ' ' : pad);
            case 'm' -> number(sb, t.month, 2, pad == 0 ? '0' : pad);
            case 'M' -> number(sb, t.minute, 2, pad == 0 ? '0' : pad);
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'p' -> sb.append(t.hour < 12 ? "AM" : "PM");
            case 'P' -> sb.append(t.hour < 12 ? "am" : "pm");
            case 'r' -> {
                number(sb, hour12, 2, '0');
                sb.append(':');
                number(sb, t.minute, 2, '0');
                sb.append(':');
                number(sb, t.second, 2, '0');
                sb.append(' ').append(t.hour < 12 ? "AM" : "PM");
            }
            case 'R' -> {
                number(sb, t.hour, 2, '0');
                sb.append(':');
                number(sb, t.minute, 2, '0');
            }
            case 's' -> sb.append(TimeModule.mktime(t));
            case 'S' -> number(sb, t.second, 2, pad == 0 ? '0' : pad);
            case 'T', 'X' -> {
                number(sb, t.hour, 2, '0');
                sb.append(':');
                number(sb, t.minute, 2, '0');
                sb.append(':');
                number(sb, t.second, 2, '0');
            }
            case 'u' -> sb.append(t.wday + 1);
            case 'w' -> sb.append(sundayWeekday);
            case 'U' -> number(sb, (t.yday - 1 - sundayWeekday + 7) / 7, 2, pad == 0 ? '0' : pad);
            case 'W' -> number(sb, (t.yday - 1 - t.wday + 7) / 7, 2, pad == 0 ? '0' : pad);
            case 'y' -> number(sb, Math.floorMod(t.year, 100), 2, pad == 0 ? '0' : pad);
            case 'Y' -> sb.append(t.year);
            case 'z' -> {
                long off = t.gmtoff;
                sb.append(off < 0 ? '-' : '+');
                off = Math.abs(off);
                number(sb, (int) (off / 3600), 2, '0');
                number(sb, (int) (off / 60 % 60), 2, '0');
            }
            case 'Z' -> sb.append(t.zone == null ? "" : t.zone);
            case '%' -> sb.append('%');
            default -> {
                return false;
            }
        }
        return true;
    }

    /** ISO 8601 week-based year (%G, %g) and week number (%V). */
    private static void isoWeek(StringBuilder sb, char d, char pad, TimeTuple t) {
        LocalDate date;
        try {
            date = LocalDate.ofYearDay(t.year, Math.min(t.yday, LocalDate.of(t.year, 1, 1).lengthOfYear()));
        } catch (java.time.DateTimeException e) {
            date = LocalDate.of(t.year, t.month, Math.min(t.mday, 28));
        }
        int weekYear = date.get(IsoFields.WEEK_BASED_YEAR);
        switch (d) {
            case 'G' -> sb.append(weekYear);
            case 'g' -> number(sb, Math.floorMod(weekYear, 100), 2, pad == 0 ? '0' : pad);
            default -> number(sb, date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, pad == 0 ? '0' : pad);
        }
    }

    /** A number padded to width with pad ('-' for no padding). */
    static void number(StringBuilder sb, int value, int width, char pad) {
        if (pad != '-') {
            int digits = value < 0 ? 1 : 0;
            for (int v = Math.abs(value); v > 0 || digits == 0; v /= 10) digits++;
            for (int k = digits; k < width; k++) sb.append(pad);
        }
        sb.append(value);
    }

    static StringBuilder pad2(StringBuilder sb, int value, char pad) {
        number(sb, value, 2, pad);
        return sb;
    }
}
