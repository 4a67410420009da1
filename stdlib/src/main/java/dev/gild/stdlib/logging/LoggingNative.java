package dev.gild.stdlib.logging;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * _logging: what logging needs from the platform before the time and threading modules exist
 * on every branch: the wall clock, C strftime formatting of a timestamp in local time, and the
 * current Java thread's id and name (the main thread is named MainThread by the launcher).
 */
public final class LoggingNative implements ModuleProvider {
    @Override public String name() { return "_logging"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_logging");
        m.define("time", (args, kw) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        });
        m.define("strftime", (args, kw) -> {
            Args.check("strftime", args, kw, 0, 2, 2);
            String format = Args.str("strftime", 1, args[0]);
            Object t = Ops.unbox(args[1]);
            double seconds = t instanceof Double d ? d : Ops.indexLong(t);
            long whole = (long) Math.floor(seconds);
            int nanos = (int) Math.round((seconds - whole) * 1e9);
            if (nanos >= 1_000_000_000) {
                whole++;
                nanos -= 1_000_000_000;
            }
            return strftime(format, ZonedDateTime.ofInstant(Instant.ofEpochSecond(whole, nanos), ZoneId.systemDefault()));
        });
        m.define("thread", (args, kw) -> {
            Thread t = Thread.currentThread();
            return PyTuple.of(t.threadId(), t.getName());
        });
        return m;
    }

    /** C's strftime directives over a local date-time. */
    static String strftime(String format, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> pad(sb, t.getYear() % 100, 2);
                case 'm' -> pad(sb, t.getMonthValue(), 2);
                case 'd' -> pad(sb, t.getDayOfMonth(), 2);
                case 'e' -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
                case 'H' -> pad(sb, t.getHour(), 2);
                case 'I' -> pad(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
                case 'M' -> pad(sb, t.getMinute(), 2);
                case 'S' -> pad(sb, t.getSecond(), 2);
                case 'f' -> pad(sb, t.getNano() / 1000, 6);
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> pad(sb, t.getDayOfYear(), 3);
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case 'z' -> {
                    int off = t.getOffset().getTotalSeconds();
                    sb.append(off < 0 ? '-' : '+');
                    off = Math.abs(off);
                    pad(sb, off / 3600, 2);
                    pad(sb, off / 60 % 60, 2);
                }
                case 'Z' -> sb.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'F' -> sb.append(strftime("%Y-%m-%d", t));
                case 'T' -> sb.append(strftime("%H:%M:%S", t));
                case 'D' -> sb.append(strftime("%m/%d/%y", t));
                case 'R' -> sb.append(strftime("%H:%M", t));
                case 'c' -> sb.append(strftime("%a %b %e %H:%M:%S %Y", t));
                case 'x' -> sb.append(strftime("%m/%d/%y", t));
                case 'X' -> sb.append(strftime("%H:%M:%S", t));
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        sb.append(s);
    }

}
