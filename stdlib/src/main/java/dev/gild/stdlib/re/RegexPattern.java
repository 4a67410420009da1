package dev.gild.stdlib.re;

import dev.gild.runtime.Args;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyGenericAlias;
import dev.gild.runtime.PyIterator;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** re.Pattern: a compiled regular expression. */
public final class RegexPattern extends PyObject {
    static final PyType TYPE = PyTypes.newBuiltin("Pattern", null, false, null);
    private static final PyType SCAN_ITERATOR = PyTypes.newBuiltin("callable_iterator", null, false, null);
    private static final String[] POS_NAMES = {"string", "pos", "endpos"};

    final Object source;
    final int flags;
    final boolean bytes;
    final Pattern javaPattern;
    final int groups;
    final Map<String, Integer> groupIndex;
    /** Group names by number (null for unnamed groups). */
    final List<String> names;
    final PyModule module;

    RegexPattern(Object source, int flags, boolean bytes, Pattern javaPattern, int groups,
                 Map<String, Integer> groupIndex, List<String> names, PyModule module) {
        this.source = source;
        this.flags = flags;
        this.bytes = bytes;
        this.javaPattern = javaPattern;
        this.groups = groups;
        this.groupIndex = groupIndex;
        this.names = names;
        this.module = module;
    }

    @Override public PyType getType() { return TYPE; }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof RegexPattern p && p.flags == flags && p.bytes == bytes && Ops.eq(p.source, source);
    }

    @Override public int hashCode() { return javaPattern.pattern().hashCode() * 31 + flags; }

    /** A matcher over string[pos:endpos] as Python sees it (pos not a slice: lookbehind sees before it). */
    private static final class Scan {
        final Subject subject;
        final Matcher matcher;
        final int start;
        final int end;
        final int pyPos;
        final int pyEndpos;

        Scan(RegexPattern p, Object string, Object posArg, Object endposArg) {
            subject = Subject.of(string, p.bytes);
            int len = subject.length();
            long pos = posArg == null ? 0 : Ops.indexLong(posArg);
            long endpos = endposArg == null ? len : Ops.indexLong(endposArg);
            pos = Math.max(0, Math.min(pos, len));
            endpos = Math.max(0, Math.min(endpos, len));
            pyPos = (int) pos;
            pyEndpos = (int) endpos;
            start = subject.toJava(pyPos);
            end = subject.toJava(pyEndpos);
            CharSequence text = end == subject.text.length() ? subject.text : subject.text.substring(0, end);
            matcher = p.javaPattern.matcher(text);
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
        }

        /**
         * The next match at or after from; after an empty match at from (mustAdvance) a match may
         * not be empty at from again (Python 3.7's rule).
         */
        boolean find(int from, boolean mustAdvance) {
            if (from > end) return false;
            matcher.region(from, end);
            if (!matcher.find()) return false;
            if (mustAdvance && matcher.start() == from && matcher.end() == from) {
                if (from >= end) return false;
                matcher.region(subject.advance(from), end);
                return matcher.find();
            }
            return true;
        }
    }

    RegexMatch newMatch(Scan scan) {
        Matcher m = scan.matcher;
        int[] spans = new int[2 * (groups + 1)];
        for (int g = 0; g <= groups; g++) {
            spans[2 * g] = m.start(g);
            spans[2 * g + 1] = m.end(g);
        }
        return new RegexMatch(this, scan.subject, spans, scan.pyPos, scan.pyEndpos);
    }

    private Object match(Object[] args, String[] kwnames, String fname, int mode) {
        Object[] a = Args.parse(fname, args, kwnames, 1, POS_NAMES, 1, 3);
        Scan scan = new Scan(this, a[0], a[1], a[2]);
        if (scan.start > scan.end) return Py.None;
        scan.matcher.region(scan.start, scan.end);
        boolean found = switch (mode) {
            case 0 -> scan.matcher.lookingAt();
            case 1 -> scan.matcher.matches();
            default -> scan.matcher.find();
        };
        return found ? newMatch(scan) : Py.None;
    }

    private PyList findall(Object[] args, String[] kwnames) {
        Object[] a = Args.parse("findall", args, kwnames, 1, POS_NAMES, 1, 3);
        Scan scan = new Scan(this, a[0], a[1], a[2]);
        PyList result = new PyList();
        int from = scan.start;
        boolean mustAdvance = false;
        Matcher m = scan.matcher;
        Subject s = scan.subject;
        while (scan.find(from, mustAdvance)) {
            if (groups == 0) {
                result.append(s.slice(m.start(), m.end()));
            } else if (groups == 1) {
                result.append(m.start(1) < 0 ? s.empty() : s.slice(m.start(1), m.end(1)));
            } else {
                Object[] items = new Object[groups];
                for (int g = 1; g <= groups; g++) items[g - 1] = m.start(g) < 0 ? s.empty() : s.slice(m.start(g), m.end(g));
                result.append(new PyTuple(items));
            }
            mustAdvance = m.end() == m.start();
            from = m.end();
        }
        return result;
    }

    /** The iterator of finditer(): one Match per step. */
    private static final class MatchIterator extends PyIterator {
        private final RegexPattern pattern;
        private final Scan scan;
        private int from;
        private boolean mustAdvance;
        private boolean done;

        MatchIterator(RegexPattern pattern, Scan scan) {
            this.pattern = pattern;
            this.scan = scan;
            this.from = scan.start;
        }

        @Override public Object next() {
            if (done) return null;
            synchronized (this) {
                if (!scan.find(from, mustAdvance)) {
                    done = true;
                    return null;
                }
                RegexMatch m = pattern.newMatch(scan);
                mustAdvance = scan.matcher.end() == scan.matcher.start();
                from = scan.matcher.end();
                return m;
            }
        }

        @Override public PyType getType() { return SCAN_ITERATOR; }
    }

    private Object sub(Object[] args, String[] kwnames, String fname, boolean withCount) {
        Object[] a = Args.parse(fname, args, kwnames, 1, new String[] {"repl", "string", "count"}, 2, 3);
        long count = a[2] == null ? 0 : Ops.indexLong(a[2]);
        Scan scan = new Scan(this, a[1], null, null);
        Subject s = scan.subject;
        Object repl = a[0];
        Template template = null;
        boolean callable = false;
        Object replValue = Ops.unbox(repl);
        if (replValue instanceof String || replValue instanceof dev.gild.runtime.PyBytes) {
            template = Template.parse(this, repl, replValue);
        } else if (Ops.isCallable(repl)) {
            callable = true;
        } else {
            template = Template.parse(this, repl, replValue);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = scan.matcher;
        int last = 0;
        int from = 0;
        boolean mustAdvance = false;
        long n = 0;
        // pieces CPython would have joined so far (non-empty slices and callback results), for its error text
        int pieces = 0;
        while (count >= 0 && (count == 0 || n < count) && scan.find(from, mustAdvance)) {
            if (m.start() > last) pieces++;
            out.append(s.text, last, m.start());
            if (callable) {
                Object piece = Ops.call(repl, newMatch(scan));
                appendPiece(out, piece, s, pieces);
                if (piece != Py.None) pieces++;
            } else {
                template.expand(out, m, s);
            }
            last = m.end();
            mustAdvance = m.end() == m.start();
            from = m.end();
            n++;
        }
        Object result;
        if (n == 0 && !s.bytes && s.original instanceof String) {
            result = s.original;
        } else {
            out.append(s.text, last, s.text.length());
            result = s.wrap(out.toString());
        }
        return withCount ? PyTuple.of(result, n) : result;
    }

    private static void appendPiece(StringBuilder out, Object piece, Subject s, int index) {
        if (piece == Py.None) return;
        Object v = Ops.unbox(piece);
        if (s.bytes) {
            if (v instanceof dev.gild.runtime.PyBytes b) {
                out.append(new String(b.bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                return;
            }
            throw Py.typeError("sequence item " + index + ": expected a bytes-like object, " + Ops.typeName(piece) + " found");
        }
        if (v instanceof String str) {
            out.append(str);
            return;
        }
        throw Py.typeError("sequence item " + index + ": expected str instance, " + Ops.typeName(piece) + " found");
    }

    private PyList split(Object[] args, String[] kwnames) {
        Object[] a = Args.parse("split", args, kwnames, 1, new String[] {"string", "maxsplit"}, 1, 2);
        long maxsplit = a[1] == null ? 0 : Ops.indexLong(a[1]);
        Scan scan = new Scan(this, a[0], null, null);
        Subject s = scan.subject;
        Matcher m = scan.matcher;
        PyList result = new PyList();
        int last = 0;
        int from = 0;
        boolean mustAdvance = false;
        long n = 0;
        while (maxsplit >= 0 && (maxsplit == 0 || n < maxsplit) && scan.find(from, mustAdvance)) {
            result.append(s.slice(last, m.start()));
            for (int g = 1; g <= groups; g++) result.append(m.start(g) < 0 ? Py.None : s.slice(m.start(g), m.end(g)));
            last = m.end();
            mustAdvance = m.end() == m.start();
            from = m.end();
            n++;
        }
        result.append(s.slice(last, s.text.length()));
        return result;
    }

    String repr() {
        String p = Ops.repr(source);
        if (p.length() > 200) p = p.substring(0, 200);
        StringBuilder sb = new StringBuilder("re.compile(").append(p);
        int shown = bytes ? flags : flags & ~RegexTranslator.UNICODE;
        if (shown != 0) sb.append(", ").append(Ops.repr(Ops.call(module.dict.getStr("RegexFlag"), (long) shown)));
        return sb.append(')').toString();
    }

    private PyDict groupIndexDict() {
        PyDict d = new PyDict();
        groupIndex.forEach((name, index) -> d.put(name, (long) index));
        return d;
    }

    static {
        PyType t = TYPE;
        t.namespace().put("__module__", "re");
        t.defineClassMethod("__class_getitem__", (args, kw) -> {
            Args.check("__class_getitem__", args, kw, 1, 1, 1);
            return new PyGenericAlias(args[0], args[1]);
        });
        SCAN_ITERATOR.namespace().put("__module__", "re");
        PyIterator.installMethods(SCAN_ITERATOR);
        t.define("match", (args, kw) -> ((RegexPattern) args[0]).match(args, kw, "match", 0));
        t.define("fullmatch", (args, kw) -> ((RegexPattern) args[0]).match(args, kw, "fullmatch", 1));
        t.define("search", (args, kw) -> ((RegexPattern) args[0]).match(args, kw, "search", 2));
        t.define("findall", (args, kw) -> ((RegexPattern) args[0]).findall(args, kw));
        t.define("finditer", (args, kw) -> {
            RegexPattern p = (RegexPattern) args[0];
            Object[] a = Args.parse("finditer", args, kw, 1, POS_NAMES, 1, 3);
            return new MatchIterator(p, new Scan(p, a[0], a[1], a[2]));
        });
        t.define("sub", (args, kw) -> ((RegexPattern) args[0]).sub(args, kw, "sub", false));
        t.define("subn", (args, kw) -> ((RegexPattern) args[0]).sub(args, kw, "subn", true));
        t.define("split", (args, kw) -> ((RegexPattern) args[0]).split(args, kw));
        t.define("__repr__", (args, kw) -> ((RegexPattern) args[0]).repr());
        t.define("__eq__", (args, kw) -> args[1] instanceof RegexPattern ? (Object) args[0].equals(args[1]) : Py.NotImplemented);
        t.define("__hash__", (args, kw) -> (long) args[0].hashCode());
        t.define("__copy__", (args, kw) -> args[0]);
        t.define("__deepcopy__", (args, kw) -> args[0]);
        t.defineGetter("pattern", o -> ((RegexPattern) o).source);
        t.defineGetter("flags", o -> (long) ((RegexPattern) o).flags);
        t.defineGetter("groups", o -> (long) ((RegexPattern) o).groups);
        t.defineGetter("groupindex", o -> ((RegexPattern) o).groupIndexDict());
    }
}
