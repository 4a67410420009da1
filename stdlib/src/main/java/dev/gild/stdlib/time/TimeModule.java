package dev.gild.stdlib.time;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBoxed;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import dev.gild.stdlib.thread.Timeouts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * {@code time}: clocks, sleep (through the blocking gate, so the interpreter lock is free while a
 * thread sleeps), struct_time conversions and strftime/strptime with the C library's directives.
 * Local time is the JVM's default zone (the TZ variable).
 */
public final class TimeModule implements ModuleProvider {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String name() { return "time"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("time");
        m.define("time", (args, kw) -> {
            Args.check("time", args, kw, 0, 0, 0);
            Instant now = Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        });
        m.define("time_ns", (args, kw) -> {
            Args.check("time_ns", args, kw, 0, 0, 0);
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        for (String name : new String[] {"monotonic", "perf_counter"}) {
            m.define(name, (args, kw) -> {
                Args.check(name, args, kw, 0, 0, 0);
                return Blocking.monotonicNanos() / 1e9;
            });
            m.define(name + "_ns", (args, kw) -> {
                Args.check(name + "_ns", args, kw, 0, 0, 0);
                return Blocking.monotonicNanos();
            });
        }
        m.define("process_time", (args, kw) -> {
            Args.check("process_time", args, kw, 0, 0, 0);
            return processCpuNanos() / 1e9;
        });
        m.define("process_time_ns", (args, kw) -> {
            Args.check("process_time_ns", args, kw, 0, 0, 0);
            return processCpuNanos();
        });
        m.define("thread_time", (args, kw) -> {
            Args.check("thread_time", args, kw, 0, 0, 0);
            return THREADS.getCurrentThreadCpuTime() / 1e9;
        });
        m.define("thread_time_ns", (args, kw) -> {
            Args.check("thread_time_ns", args, kw, 0, 0, 0);
            return THREADS.getCurrentThreadCpuTime();
        });
        m.define("sleep", (args, kw) -> {
            Args.check("sleep", args, kw, 0, 1, 1);
            double seconds = Timeouts.seconds(args[0]);
            if (Double.isNaN(seconds)) throw Py.valueError("Invalid value NaN (not a number)");
            if (seconds < 0) throw Py.valueError("sleep length must be non-negative");
            if (seconds * 1e9 >= 9.223372036854775807e18) {
                throw Py.raise(PyExc.OverflowError, "timestamp too large to convert to C _PyTime_t");
            }
            Blocking.sleepNanos(Blocking.toNanos(seconds));
            return Py.None;
        });
        m.set("struct_time", StructTime.TYPE);
        m.define("gmtime", (args, kw) -> {
            Args.check("gmtime", args, kw, 0, 0, 1);
            return toStruct(epochSeconds(args), ZoneOffset.UTC, true);
        });
        m.define("localtime", (args, kw) -> {
            Args.check("localtime", args, kw, 0, 0, 1);
            return toStruct(epochSeconds(args), ZoneId.systemDefault(), false);
        });
        m.define("mktime", (args, kw) -> {
            Args.check("mktime", args, kw, 0, 1, 1);
            return (double) mktime(TimeTuple.of("mktime", args[0]));
        });
        m.define("asctime", (args, kw) -> {
            Args.check("asctime", args, kw, 0, 0, 1);
            TimeTuple t = args.length == 0 ? TimeTuple.now() : TimeTuple.of("asctime", args[0]);
            t.check(false);
            return asctime(t);
        });
        m.define("ctime", (args, kw) -> {
            Args.check("ctime", args, kw, 0, 0, 1);
            TimeTuple t = TimeTuple.of("ctime", toStruct(epochSeconds(args), ZoneId.systemDefault(), false));
            return asctime(t);
        });
        m.define("strftime", (args, kw) -> {
            Args.check("strftime", args, kw, 0, 1, 2);
            String format = Args.str("strftime", 1, args[0]);
            TimeTuple t = args.length == 1 ? TimeTuple.now() : TimeTuple.of("strftime", args[1]);
            t.check(true);
            return TimeFormat.format(format, t);
        });
        m.define("strptime", (args, kw) -> {
            Args.check("strptime", args, kw, 0, 1, 2);
            String text = Args.str("strptime", 1, args[0]);
            String format = args.length > 1 ? Args.str("strptime", 2, args[1]) : "%a %b %d %H:%M:%S %Y";
            return TimeParse.parse(text, format);
        });
        m.define("get_clock_info", (args, kw) -> {
            Args.check("get_clock_info", args, kw, 0, 1, 1);
            return clockInfo(Args.str("get_clock_info", 1, args[0]));
        });
        ZoneId zone = ZoneId.systemDefault();
        m.set("timezone", (long) -standardOffset(zone));
        m.set("altzone", (long) -daylightOffset(zone));
        m.set("daylight", hasDaylightTime(zone) ? 1L : 0L);
        m.set("tzname", PyTuple.of(zoneName(zone, false), zoneName(zone, true)));
        return m;
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The optional seconds argument of gmtime/localtime/ctime, floored to whole seconds; now when absent or None. */
    private static long epochSeconds(Object[] args) {
        if (args.length == 0 || args[0] == Py.None) return Instant.now().getEpochSecond();
        Object o = args[0];
        if (o instanceof Double || o instanceof PyBoxed b && b.value instanceof Double) {
            double d = Timeouts.seconds(o);
            if (Double.isNaN(d)) throw Py.valueError("Invalid value NaN (not a number)");
            double floor = Math.floor(d);
            if (floor >= 9.223372036854775807e18 || floor < -9.223372036854775808e18) throw outOfRange();
            return checkYearRange((long) floor);
        }
        Object i = Ops.index(o);
        if (!(i instanceof Long l)) throw outOfRange();
        return checkYearRange(l);
    }

    private static long checkYearRange(long seconds) {
        // java.time's range (years -999,999,999 .. 999,999,999) is wider than the C library's
        // int tm_year, so out-of-range values fail the way CPython's do.
        if (seconds > 67768036191676799L || seconds < -67768040609740800L) throw Py.raise(PyExc.OverflowError, "timestamp out of range for platform time_t");
        return seconds;
    }

    private static RuntimeException outOfRange() {
        return Py.raise(PyExc.OverflowError, "timestamp out of range for platform time_t");
    }

    static StructTime toStruct(long epochSeconds, ZoneId zone, boolean utc) {
        Instant instant = Instant.ofEpochSecond(epochSeconds);
        ZonedDateTime z = instant.atZone(zone);
        boolean dst = !utc && zone.getRules().isDaylightSavings(instant);
        int offset = z.getOffset().getTotalSeconds();
        String zoneName = utc ? "GMT" : zoneName(zone, dst);
        return new StructTime(new Object[] {(long) z.getYear(), (long) z.getMonthValue(), (long) z.getDayOfMonth(),
            (long) z.getHour(), (long) z.getMinute(), (long) z.getSecond(), (long) (z.getDayOfWeek().getValue() - 1),
            (long) z.getDayOfYear(), dst ? 1L : 0L}, zoneName, (long) offset);
    }

    /** mktime: local time fields (normalised as the C library does) to seconds since the epoch. */
    static long mktime(TimeTuple t) {
        try {
            LocalDateTime local = LocalDateTime.of(t.year, 1, 1, 0, 0, 0).plusMonths(t.month - 1L).plusDays(t.mday - 1L)
                    .plusHours(t.hour).plusMinutes(t.minute).plusSeconds(t.second);
            return ZonedDateTime.ofLocal(local, ZoneId.systemDefault(), null).toEpochSecond();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw Py.raise(PyExc.OverflowError, "mktime argument out of range");
        }
    }

    static String asctime(TimeTuple t) {
        StringBuilder sb = new StringBuilder(24);
        sb.append(TimeFormat.DAY_NAMES[Math.floorMod(t.wday, 7)], 0, 3).append(' ');
        sb.append(TimeFormat.MONTH_NAMES[t.month - 1], 0, 3);
        sb.append(t.mday < 10 ? "  " : " ").append(t.mday).append(' ');
        TimeFormat.pad2(sb, t.hour, '0').append(':');
        TimeFormat.pad2(sb, t.minute, '0').append(':');
        TimeFormat.pad2(sb, t.second, '0').append(' ').append(t.year);
        return sb.toString();
    }

    static int standardOffset(ZoneId zone) {
        return zone.getRules().getStandardOffset(Instant.now()).getTotalSeconds();
    }

    static int daylightOffset(ZoneId zone) {
        var rules = zone.getRules();
        var next = rules.nextTransition(Instant.now());
        if (next != null) {
            int a = next.getOffsetBefore().getTotalSeconds();
            int b = next.getOffsetAfter().getTotalSeconds();
            return Math.max(a, b);
        }
        return standardOffset(zone);
    }

    static boolean hasDaylightTime(ZoneId zone) {
        return zone.getRules().nextTransition(Instant.now()) != null;
    }

    /** The abbreviation the C library shows for the zone (tzname), "UTC" for UTC. */
    static String zoneName(ZoneId zone, boolean dst) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : offset.getId();
        }
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(dst, java.util.TimeZone.SHORT, Locale.US);
    }

    private static Object clockInfo(String name) {
        String implementation;
        boolean monotonic = true;
        boolean adjustable = false;
        switch (name) {
            case "time" -> {
                implementation = "clock_gettime(CLOCK_REALTIME)";
                monotonic = false;
                adjustable = true;
            }
            case "monotonic", "perf_counter" -> implementation = "clock_gettime(CLOCK_MONOTONIC)";
            case "process_time" -> implementation = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
            case "thread_time" -> implementation = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
            default -> throw Py.valueError("unknown clock");
        }
        ClockInfo info = new ClockInfo();
        info.dict.put("implementation", implementation);
        info.dict.put("monotonic", Py.bool(monotonic));
        info.dict.put("adjustable", Py.bool(adjustable));
        info.dict.put("resolution", 1e-09);
        return info;
    }

    /** get_clock_info's result: a namespace (types.SimpleNamespace in CPython) of four attributes. */
    static final class ClockInfo extends PyObject {
        static final PyType TYPE = PyTypes.newBuiltin("SimpleNamespace", null, false, null);

        static {
            TYPE.namespace().put("__module__", "types");
            TYPE.define("__repr__", (args, kw) -> {
                PyDict d = ((ClockInfo) args[0]).dict;
                StringBuilder sb = new StringBuilder("namespace(");
                boolean first = true;
                for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(Ops.str(d.keyAt(i))).append('=').append(Ops.repr(d.valueAt(i)));
                }
                return sb.append(')').toString();
            });
        }

        final PyDict dict = new PyDict();

        @Override public PyType getType() { return TYPE; }

        @Override public PyDict getDict() { return dict; }
    }
}
