package dev.gild.stdlib.re;

import dev.gild.runtime.Args;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyGenericAlias;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.math.BigInteger;

/** re.Match: the result of a successful match, with its group spans (Java char indexes). */
public final class RegexMatch extends PyObject {
    static final PyType TYPE = PyTypes.newBuiltin("Match", null, false, null);

    final RegexPattern pattern;
    final Subject subject;
    /** start and end of each group (group 0 first), -1 for groups that did not participate. */
    final int[] spans;
    final int pos;
    final int endpos;

    RegexMatch(RegexPattern pattern, Subject subject, int[] spans, int pos, int endpos) {
        this.pattern = pattern;
        this.subject = subject;
        this.spans = spans;
        this.pos = pos;
        this.endpos = endpos;
    }

    @Override public PyType getType() { return TYPE; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    /** The group number named by an int or a group name; IndexError "no such group" otherwise. */
    private int groupNumber(Object g) {
        Object v = Ops.unbox(g);
        if (v instanceof Long || v instanceof Boolean || v instanceof BigInteger) {
            long n = v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Long l ? l : -1;
            if (n >= 0 && n <= pattern.groups) return (int) n;
        } else if (v instanceof String name) {
            Integer n = pattern.groupIndex.get(name);
            if (n != null) return n;
        } else if (Ops.lookupSpecial(g, "__index__") != null) {
            long n = Ops.indexLong(g);
            if (n >= 0 && n <= pattern.groups) return (int) n;
        }
        throw Py.indexError("no such group");
    }

    private Object group(int g, Object dflt) {
        int start = spans[2 * g];
        return start < 0 ? dflt : subject.slice(start, spans[2 * g + 1]);
    }

    private Object groups(Object dflt) {
        Object[] items = new Object[pattern.groups];
        for (int g = 1; g <= pattern.groups; g++) items[g - 1] = group(g, dflt);
        return new PyTuple(items);
    }

    private PyDict groupdict(Object dflt) {
        PyDict d = new PyDict();
        pattern.groupIndex.forEach((name, g) -> d.put(name, group(g, dflt)));
        return d;
    }

    /**
     * The last group to close (Python's lastindex): the participating group ending last; among
     * groups ending together the one starting last, and of nested ones (same span) the outermost.
     */
    private int lastIndex() {
        int best = -1;
        for (int g = 1; g <= pattern.groups; g++) {
            int start = spans[2 * g];
            if (start < 0) continue;
            if (best < 0) {
                best = g;
                continue;
            }
            int end = spans[2 * g + 1];
            int bestEnd = spans[2 * best + 1];
            if (end > bestEnd || (end == bestEnd && start > spans[2 * best])) best = g;
        }
        return best;
    }

    private Object pyIndex(int charIndex) { return (long) subject.toPython(charIndex); }

    String repr() {
        return "<re.Match object; span=(" + subject.toPython(spans[0]) + ", " + subject.toPython(spans[1])
                + "), match=" + Ops.repr(group(0, Py.None)) + ">";
    }

    static {
        PyType t = TYPE;
        t.namespace().put("__module__", "re");
        t.defineClassMethod("__class_getitem__", (args, kw) -> {
            Args.check("__class_getitem__", args, kw, 1, 1, 1);
            return new PyGenericAlias(args[0], args[1]);
        });
        t.define("group", (args, kw) -> {
            Args.noKeywords("group", kw);
            RegexMatch m = (RegexMatch) args[0];
            if (args.length == 1) return m.group(0, Py.None);
            if (args.length == 2) return m.group(m.groupNumber(args[1]), Py.None);
            Object[] items = new Object[args.length - 1];
            for (int i = 1; i < args.length; i++) items[i - 1] = m.group(m.groupNumber(args[i]), Py.None);
            return new PyTuple(items);
        });
        t.define("__getitem__", (args, kw) -> {
            RegexMatch m = (RegexMatch) args[0];
            return m.group(m.groupNumber(args[1]), Py.None);
        });
        t.define("groups", (args, kw) -> {
            Object[] a = Args.parse("groups", args, kw, 1, new String[] {"default"}, 0, 1);
            return ((RegexMatch) args[0]).groups(a[0] == null ? Py.None : a[0]);
        });
        t.define("groupdict", (args, kw) -> {
            Object[] a = Args.parse("groupdict", args, kw, 1, new String[] {"default"}, 0, 1);
            return ((RegexMatch) args[0]).groupdict(a[0] == null ? Py.None : a[0]);
        });
        t.define("start", (args, kw) -> {
            RegexMatch m = (RegexMatch) args[0];
            Args.check("start", args, kw, 1, 0, 1);
            return m.pyIndex(m.spans[2 * (args.length > 1 ? m.groupNumber(args[1]) : 0)]);
        });
        t.define("end", (args, kw) -> {
            RegexMatch m = (RegexMatch) args[0];
            Args.check("end", args, kw, 1, 0, 1);
            return m.pyIndex(m.spans[2 * (args.length > 1 ? m.groupNumber(args[1]) : 0) + 1]);
        });
        t.define("span", (args, kw) -> {
            RegexMatch m = (RegexMatch) args[0];
            Args.check("span", args, kw, 1, 0, 1);
            int g = args.length > 1 ? m.groupNumber(args[1]) : 0;
            return PyTuple.of(m.pyIndex(m.spans[2 * g]), m.pyIndex(m.spans[2 * g + 1]));
        });
        t.define("expand", (args, kw) -> {
            RegexMatch m = (RegexMatch) args[0];
            Args.check("expand", args, kw, 1, 1, 1);
            Template template = Template.parse(m.pattern, args[1], Ops.unbox(args[1]));
            StringBuilder out = new StringBuilder();
            template.expand(out, m.spans, m.subject);
            return m.subject.wrap(out.toString());
        });
        t.define("__repr__", (args, kw) -> ((RegexMatch) args[0]).repr());
        t.define("__copy__", (args, kw) -> args[0]);
        t.define("__deepcopy__", (args, kw) -> args[0]);
        t.defineGetter("lastindex", o -> {
            int g = ((RegexMatch) o).lastIndex();
            return g < 0 ? Py.None : (Object) (long) g;
        });
        t.defineGetter("lastgroup", o -> {
            RegexMatch m = (RegexMatch) o;
            int g = m.lastIndex();
            String name = g < 0 ? null : m.pattern.names.get(g);
            return name == null ? Py.None : name;
        });
        t.defineGetter("re", o -> ((RegexMatch) o).pattern);
        t.defineGetter("string", o -> ((RegexMatch) o).subject.original);
        t.defineGetter("pos", o -> (long) ((RegexMatch) o).pos);
        t.defineGetter("endpos", o -> (long) ((RegexMatch) o).endpos);
        t.defineGetter("regs", o -> {
            RegexMatch m = (RegexMatch) o;
            Object[] items = new Object[m.pattern.groups + 1];
            for (int g = 0; g <= m.pattern.groups; g++) {
                items[g] = PyTuple.of(m.pyIndex(m.spans[2 * g]), m.pyIndex(m.spans[2 * g + 1]));
            }
            return new PyTuple(items);
        });
    }
}
