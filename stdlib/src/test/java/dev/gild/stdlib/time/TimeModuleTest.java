package dev.gild.stdlib.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.lock.FairGil;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyDict;
import dev.gild.stdlib.thread.Snippets;
import org.junit.jupiter.api.Test;

/** time through Python snippets; expected strings checked against CPython 3.11 (TZ=UTC). */
class TimeModuleTest {

    private static PyDict run(String source) {
        return Snippets.run(new FairGil(5_000_000, 0), source);
    }

    @Test
    void structTimeFromGmtime() {
        PyDict g = run("""
                import time
                t = time.gmtime(1700000000)
                result = (repr(t), t.tm_zone, t.tm_gmtoff, t == (2023, 11, 14, 22, 13, 20, 1, 318, 0), len(t))
                """);
        assertEquals("('time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20,"
                + " tm_wday=1, tm_yday=318, tm_isdst=0)', 'GMT', 0, True, 9)", Ops.repr(g.getStr("result")));
    }

    @Test
    void strftimeDirectives() {
        PyDict g = run("""
                import time
                t = time.gmtime(1700000000)
                result = time.strftime('%a %A %b %B %c|%d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %% %e %D %T %F %G %V %u %-d %Q', t)
                asc = time.asctime(t)
                """);
        assertEquals("Tue Tuesday Nov November Tue Nov 14 22:13:20 2023|14 22 10 318 11 13 PM 20 46 2 46 11/14/23"
                + " 22:13:20 23 2023 % 14 11/14/23 22:13:20 2023-11-14 2023 46 2 14 %Q", Ops.str(g.getStr("result")));
        assertEquals("Tue Nov 14 22:13:20 2023", Ops.str(g.getStr("asc")));
    }

    @Test
    void strptimeAndItsErrors() {
        PyDict g = run("""
                import time
                parsed = time.strptime('Mon Mar  4 2024 pm 3', '%a %b %d %Y %p %I')
                result = [tuple(parsed)]
                for text, fmt in (('2024', '%Y-%m'), ('2024-01x', '%Y-%m'), ('2024', '%Q'), ('2024-02-30', '%Y-%m-%d')):
                    try:
                        time.strptime(text, fmt)
                    except ValueError as e:
                        result.append(str(e))
                """);
        assertEquals("[(2024, 3, 4, 15, 0, 0, 0, 64, -1), \"time data '2024' does not match format '%Y-%m'\","
                + " 'unconverted data remains: x', \"'Q' is a bad directive in format '%Q'\","
                + " 'day is out of range for month']", Ops.repr(g.getStr("result")));
    }

    @Test
    void sleepValidatesAndLetsOtherThreadsRun() {
        PyDict g = run("""
                import time, threading
                errors = []
                for bad in (-1, 'x'):
                    try:
                        time.sleep(bad)
                    except (ValueError, TypeError) as e:
                        errors.append(str(e))
                ticks = [0]
                stop = [False]
                def spin():
                    while not stop[0]:
                        ticks[0] += 1
                t = threading.Thread(target=spin)
                t.start()
                time.sleep(0.1)
                stop[0] = True
                t.join()
                spun = ticks[0]
                """);
        assertEquals("['sleep length must be non-negative', \"'str' object cannot be interpreted as an integer\"]",
                Ops.repr(g.getStr("errors")));
        assertTrue((Long) g.getStr("spun") > 0, "the other thread never ran while main slept");
    }
}
