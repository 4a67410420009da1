package dev.gild.stdlib.time;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyTuple;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The nine fields of a time tuple as C's struct tm sees them (month 1-12, weekday Monday 0,
 * day of the year from 1), plus the zone name and UTC offset strftime's %Z and %z print.
 */
final class TimeTuple {
    int year;
    int month;
    int mday;
    int hour;
    int minute;
    int second;
    int wday;
    int yday;
    int isdst;
    String zone;
    long gmtoff;

    /** A tuple or struct_time argument of fname; TypeErrors as CPython's. */
    static TimeTuple of(String fname, Object o) {
        if (!(o instanceof PyTuple tuple)) throw Py.typeError("Tuple or struct_time argument required");
        if (tuple.size() != 9) throw Py.typeError(fname + "(): illegal time tuple argument");
        TimeTuple t = new TimeTuple();
        t.year = Ops.indexInt(tuple.get(0));
        t.month = Ops.indexInt(tuple.get(1));
        t.mday = Ops.indexInt(tuple.get(2));
        t.hour = Ops.indexInt(tuple.get(3));
        t.minute = Ops.indexInt(tuple.get(4));
        t.second = Ops.indexInt(tuple.get(5));
        t.wday = Ops.indexInt(tuple.get(6));
        t.yday = Ops.indexInt(tuple.get(7));
        t.isdst = Ops.indexInt(tuple.get(8));
        if (tuple instanceof StructTime st && st.zone instanceof String z) {
            t.zone = z;
            t.gmtoff = st.gmtoff instanceof Long l ? l : 0;
        } else {
            // A plain tuple: the local zone's standard or daylight name and offset, as glibc fills them.
            ZoneId local = ZoneId.systemDefault();
            boolean dst = t.isdst > 0;
            t.zone = TimeModule.zoneName(local, dst);
            t.gmtoff = dst ? TimeModule.daylightOffset(local) : TimeModule.standardOffset(local);
        }
        return t;
    }

    static TimeTuple now() {
        return of("localtime", TimeModule.toStruct(Instant.now().getEpochSecond(), ZoneId.systemDefault(), false));
    }

    /** CPython's checktm; for strftime zero month/day/yday are accepted as the first one. */
    void check(boolean forStrftime) {
        if (forStrftime) {
            if (month == 0) month = 1;
            if (mday == 0) mday = 1;
            if (yday == 0) yday = 1;
            if (isdst < -1) isdst = -1;
            else if (isdst > 1) isdst = 1;
        }
        if (month < 1 || month > 12) throw Py.valueError("month out of range");
        if (mday < 1 || mday > 31) throw Py.valueError("day of month out of range");
        if (hour < 0 || hour > 23) throw Py.valueError("hour out of range");
        if (minute < 0 || minute > 59) throw Py.valueError("minute out of range");
        if (second < 0 || second > 61) throw Py.valueError("seconds out of range");
        // C's weekday is (wday + 1) % 7 with C's remainder: -1 is Sunday, below that is an error.
        int cWeekday = (wday + 1) % 7;
        if (cWeekday < 0) throw Py.valueError("day of week out of range");
        wday = (cWeekday + 6) % 7;
        if (yday < 1 || yday > 366) throw Py.valueError("day of year out of range");
    }
}
