package dev.gild.stdlib.time;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strptime in the C locale: each directive becomes the same regular expression CPython's
 * _strptime uses (case-insensitive, whitespace in the format matching any run of whitespace),
 * then the captured fields are combined into a struct_time with CPython's defaults
 * (1900-01-01 00:00:00, tm_isdst -1).
 */
final class TimeParse {
    private TimeParse() {}

    private static final String DAY = "(3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])";
    private static final String MONTH = "(1[0-2]|0[1-9]|[1-9])";
    private static final String HOUR = "(2[0-3]|[0-1]\\d|\\d)";
    private static final String MINUTE = "([0-5]\\d|\\d)";
    private static final String SECOND = "(6[0-1]|[0-5]\\d|\\d)";

    /** A compiled format: the pattern and, per capturing group, the directive it captured. */
    private record Compiled(Pattern pattern, char[] groups) {}

    private static final ConcurrentHashMap<String, Compiled> CACHE = new ConcurrentHashMap<>();

    static StructTime parse(String text, String format) {
        Compiled c = CACHE.get(format);
        if (c == null) {
            c = compile(format);
            if (CACHE.size() < 100) CACHE.put(format, c);
        }
        Matcher m = c.pattern.matcher(text);
        if (!m.lookingAt()) {
            throw Py.valueError("time data " + Ops.repr(text) + " does not match format " + Ops.repr(format));
        }
        if (m.end() != text.length()) throw Py.valueError("unconverted data remains: " + text.substring(m.end()));
        return build(m, c.groups);
    }

    private static Compiled compile(String format) {
        StringBuilder re = new StringBuilder();
        List<Character> groups = new ArrayList<>();
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char ch = format.charAt(i);
            if (ch == '%') {
                if (i + 1 >= n) throw Py.valueError("stray % in format " + Ops.repr(format));
                char d = format.charAt(++i);
                if (!appendDirective(re, groups, d)) {
                    throw Py.valueError(Ops.repr(String.valueOf(d)) + " is a bad directive in format " + Ops.repr(format));
                }
            } else if (Character.isWhitespace(ch)) {
                while (i + 1 < n && Character.isWhitespace(format.charAt(i + 1))) i++;
                re.append("\\s+");
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        char[] g = new char[groups.size()];
        for (int i = 0; i < g.length; i++) g[i] = groups.get(i);
        return new Compiled(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), g);
    }

    private static boolean appendDirective(StringBuilder re, List<Character> groups, char d) {
        String part = switch (d) {
            case 'd', 'e' -> DAY;
            case 'm' -> MONTH;
            case 'H' -> HOUR;
            case 'I' -> "(1[0-2]|0[1-9]|[1-9])";
            case 'M' -> MINUTE;
            case 'S' -> SECOND;
            case 'Y', 'G' -> "(\\d\\d\\d\\d)";
            case 'y' -> "(\\d\\d)";
            case 'f' -> "([0-9]{1,6})";
            case 'j' -> "(36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
            case 'U', 'W' -> "(5[0-3]|[0-4]\\d|\\d)";
            case 'V' -> "(5[0-3]|0[1-9]|[1-4]\\d|\\d)";
            case 'u' -> "([1-7])";
            case 'w' -> "([0-6])";
            case 'p' -> "(am|pm)";
            case 'a' -> "(mon|tue|wed|thu|fri|sat|sun)";
            case 'A' -> "(wednesday|thursday|saturday|tuesday|monday|friday|sunday)";
            case 'b', 'h' -> "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
            case 'B' -> "(september|february|november|december|january|october|august|march|april|june|july|may)";
            case 'z' -> "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|(?-i:Z))";
            case 'Z' -> zoneNames();
            case '%' -> null;
            case 'c', 'x', 'X', 'T', 'D', 'R', 'F' -> {
                String expansion = switch (d) {
                    case 'c' -> "%a %b %d %H:%M:%S %Y";
                    case 'x', 'D' -> "%m/%d/%y";
                    case 'X', 'T' -> "%H:%M:%S";
                    case 'R' -> "%H:%M";
                    default -> "%Y-%m-%d";
                };
                for (int i = 0; i < expansion.length(); i++) {
                    char ch = expansion.charAt(i);
                    if (ch == '%') appendDirective(re, groups, expansion.charAt(++i));
                    else if (ch == ' ') re.append("\\s+");
                    else re.append(Pattern.quote(String.valueOf(ch)));
                }
                yield "";
            }
            default -> {
                yield "\u0000bad";
            }
        };
        if ("\u0000bad".equals(part)) return false;
        if (part == null) {
            re.append('%');
        } else if (!part.isEmpty()) {
            re.append(part);
            groups.add(d == 'e' ? 'd' : d == 'h' ? 'b' : d);
        }
        return true;
    }

    private static String zoneNames() {
        ZoneId local = ZoneId.systemDefault();
        StringBuilder sb = new StringBuilder("(gmt|utc");
        for (String name : new String[] {TimeModule.zoneName(local, false), TimeModule.zoneName(local, true)}) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("utc") && !lower.equals("gmt")) sb.append('|').append(Pattern.quote(lower));
        }
        return sb.append(')').toString();
    }

    private static int indexOf(String[] names, String value, int length) {
        for (int i = 0; i < names.length; i++) {
            String name = length > 0 ? names[i].substring(0, length) : names[i];
            if (name.equalsIgnoreCase(value)) return i;
        }
        return -1;
    }

    private static StructTime build(Matcher m, char[] groups) {
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int yday = -1;
        int isdst = -1;
        Object zone = Py.None;
        Object gmtoff = Py.None;
        String ampm = null;
        boolean twelveHour = false;
        for (int g = 0; g < groups.length; g++) {
            String v = m.group(g + 1);
            if (v == null) continue;
            switch (groups[g]) {
                case 'Y', 'G' -> year = Integer.parseInt(v);
                case 'y' -> {
                    int y = Integer.parseInt(v);
                    year = y <= 68 ? 2000 + y : 1900 + y;
                }
                case 'm' -> month = Integer.parseInt(v);
                case 'b' -> month = indexOf(TimeFormat.MONTH_NAMES, v, 3) + 1;
                case 'B' -> month = indexOf(TimeFormat.MONTH_NAMES, v, 0) + 1;
                case 'd' -> day = Integer.parseInt(v.trim());
                case 'H' -> {
                    hour = Integer.parseInt(v);
                    twelveHour = false;
                }
                case 'I' -> {
                    hour = Integer.parseInt(v);
                    twelveHour = true;
                }
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                case 'j' -> yday = Integer.parseInt(v);
                case 'p' -> ampm = v.toLowerCase(Locale.ROOT);
                case 'z' -> gmtoff = parseOffset(v);
                case 'Z' -> {
                    String lower = v.toLowerCase(Locale.ROOT);
                    ZoneId local = ZoneId.systemDefault();
                    String std = TimeModule.zoneName(local, false).toLowerCase(Locale.ROOT);
                    String dst = TimeModule.zoneName(local, true).toLowerCase(Locale.ROOT);
                    if (lower.equals("utc") || lower.equals("gmt")) isdst = 0;
                    else if (!std.equals(dst)) isdst = lower.equals(dst) ? 1 : 0;
                    zone = v;
                }
                default -> {
                    // %a, %A, %w, %u, %f, %U, %W, %V: matched but not used; the weekday is computed from the date
                }
            }
        }
        if (twelveHour && ampm != null) {
            if (ampm.equals("am")) hour = hour == 12 ? 0 : hour;
            else hour = hour == 12 ? 12 : hour + 12;
        }
        LocalDate date;
        try {
            if (yday > 0 && m.groupCount() > 0 && !hasDate(groups)) {
                date = LocalDate.ofYearDay(year, yday);
                month = date.getMonthValue();
                day = date.getDayOfMonth();
            }
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw Py.valueError("day is out of range for month");
        }
        if (yday <= 0) yday = date.getDayOfYear();
        int wday = date.getDayOfWeek().getValue() - 1;
        return new StructTime(new Object[] {(long) year, (long) month, (long) day, (long) hour, (long) minute,
            (long) second, (long) wday, (long) yday, (long) isdst}, zone, gmtoff);
    }

    private static boolean hasDate(char[] groups) {
        for (char g : groups) if (g == 'm' || g == 'b' || g == 'B' || g == 'd') return true;
        return false;
    }

    private static Object parseOffset(String v) {
        if (v.equals("Z")) return 0L;
        String digits = v.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = Integer.parseInt(digits.substring(2, 4));
        int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        long offset = hours * 3600L + minutes * 60L + seconds;
        return v.charAt(0) == '-' ? -offset : offset;
    }
}
