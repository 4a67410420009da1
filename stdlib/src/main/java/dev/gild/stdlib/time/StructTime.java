package dev.gild.stdlib.time;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/**
 * {@code time.struct_time}: a 9-tuple (year, month, day, hour, minute, second, weekday with
 * Monday 0, day of the year from 1, DST flag) with named fields, plus tm_zone and tm_gmtoff that
 * are attributes only, as CPython's struct sequence.
 */
final class StructTime extends PyTuple {
    static final String[] FIELDS = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
        "tm_yday", "tm_isdst"};
    static final PyType TYPE = PyTypes.newBuiltin("struct_time", PyTypes.TUPLE, false, null);

    /** tm_zone (a str or None) and tm_gmtoff (an int or None). */
    final Object zone;
    final Object gmtoff;

    StructTime(Object[] fields, Object zone, Object gmtoff) {
        super(TYPE, fields);
        this.zone = zone;
        this.gmtoff = gmtoff;
    }

    static {
        TYPE.namespace().put("__module__", "time");
        TYPE.namespace().put("n_sequence_fields", 9L);
        TYPE.namespace().put("n_fields", 11L);
        TYPE.namespace().put("n_unnamed_fields", 0L);
        for (int i = 0; i < FIELDS.length; i++) {
            int index = i;
            TYPE.defineGetter(FIELDS[i], o -> ((StructTime) o).items[index]);
        }
        TYPE.defineGetter("tm_zone", o -> ((StructTime) o).zone);
        TYPE.defineGetter("tm_gmtoff", o -> ((StructTime) o).gmtoff);
        TYPE.defineStatic("__new__", (args, kw) -> {
            if (args.length != 2 || kw != null) throw Py.typeError("struct_time() takes exactly one sequence argument");
            Object[] seq = Ops.toArray(args[1]);
            if (seq.length < 9) {
                throw Py.typeError("time.struct_time() takes an at least 9-sequence (" + seq.length + "-sequence given)");
            }
            if (seq.length > 11) {
                throw Py.typeError("time.struct_time() takes an at most 11-sequence (" + seq.length + "-sequence given)");
            }
            return new StructTime(java.util.Arrays.copyOf(seq, 9), seq.length > 9 ? seq[9] : Py.None,
                    seq.length > 10 ? seq[10] : Py.None);
        });
        TYPE.define("__repr__", (args, kw) -> {
            StructTime t = (StructTime) args[0];
            StringBuilder sb = new StringBuilder("time.struct_time(");
            for (int i = 0; i < FIELDS.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(FIELDS[i]).append('=').append(Ops.repr(t.items[i]));
            }
            return sb.append(')').toString();
        });
        TYPE.define("__reduce__", (args, kw) -> {
            StructTime t = (StructTime) args[0];
            PyDict extra = new PyDict();
            extra.put("tm_zone", t.zone);
            extra.put("tm_gmtoff", t.gmtoff);
            return PyTuple.of(TYPE, PyTuple.of(new PyTuple(t.items), extra));
        });
    }
}
