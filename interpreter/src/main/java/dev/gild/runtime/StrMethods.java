package dev.gild.runtime;

/**
 * Python's str: every method of CPython 3.11's str, with its argument rules and error messages.
 *
 * <p>A str is a java.lang.String; instances of script subclasses are {@link PyBoxed} around one,
 * so receivers and arguments go through {@link #self} / {@link #asStr}. Python indexes by code
 * point: {@link CodePoints} maps indexes, with a fast path for strings without surrogates.
 * Character properties and case mappings come from {@link UnicodeData} (CPython's own tables),
 * with ASCII fast paths in the hot methods.
 */
public final class StrMethods {
    private StrMethods() {}

    /*
     * Types are created by install(), which PyTypes' static initialiser runs, so that whichever
     * class is loaded first the types exist before any method uses them.
     */
    static PyType ITERATOR;
    static PyType ASCII_ITERATOR;

    static void install() {
        PyType t = PyTypes.STR;
        ITERATOR = PyTypes.newBuiltin("str_iterator", null, false, null);
        ASCII_ITERATOR = PyTypes.newBuiltin("str_ascii_iterator", null, false, null);
        PyIterator.installMethods(ITERATOR);
        PyIterator.installMethods(ASCII_ITERATOR);
        t.defineStatic("__new__", StrMethods::strNew);
        t.define("__repr__", (args, kw) -> repr(self(args[0], "__repr__")));
        t.define("__str__", (args, kw) -> self(args[0], "__str__"));
        t.define("__len__", (args, kw) -> (long) CodePoints.length(self(args[0], "__len__")));
        t.define("__hash__", (args, kw) -> (long) self(args[0], "__hash__").hashCode());
        t.define("__getitem__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            return getitem(self(args[0], "__getitem__"), args[1]);
        });
        t.define("__iter__", (args, kw) -> iterator(self(args[0], "__iter__")));
        t.define("__contains__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            String sub = asStr(args[1]);
            if (sub == null) {
                throw Py.typeError("'in <string>' requires string as left operand, not " + Ops.typeName(args[1]));
            }
            return Py.bool(self(args[0], "__contains__").contains(sub));
        });
        t.define("__add__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            String other = asStr(args[1]);
            if (other == null) return Py.NotImplemented;
            return self(args[0], "__add__").concat(other);
        });
        t.define("__mul__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            return repeat(self(args[0], "__mul__"), args[1]);
        });
        t.define("__rmul__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            return repeat(self(args[0], "__rmul__"), args[1]);
        });
        t.define("__mod__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            return PercentFormat.format(self(args[0], "__mod__"), args[1]);
        });
        t.define("__rmod__", (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            String self = self(args[0], "__rmod__");
            String format = asStr(args[1]);
            return format == null ? Py.NotImplemented : PercentFormat.format(format, self);
        });
        defineComparison(t, "__eq__", 0);
        defineComparison(t, "__ne__", 1);
        defineComparison(t, "__lt__", 2);
        defineComparison(t, "__le__", 3);
        defineComparison(t, "__gt__", 4);
        defineComparison(t, "__ge__", 5);
        t.define("__getnewargs__", (args, kw) -> PyTuple.of(self(args[0], "__getnewargs__")));
        t.define("__sizeof__", (args, kw) -> {
            MethodArgs.none("str", "__sizeof__", args, kw);
            return sizeOf(self(args[0], "__sizeof__"));
        });

        installCaseMethods(t);
        installPredicates(t);
        installSearchMethods(t);
        installSplitMethods(t);
        installLayoutMethods(t);
        t.define("join", (args, kw) -> join(self(args[0], "join"), MethodArgs.one("str", "join", args, kw)));
        t.define("encode", (args, kw) -> {
            String s = self(args[0], "encode");
            Object[] a = MethodArgs.keywords("encode", args, kw, new String[] {"encoding", "errors"});
            String encoding = a[0] == null ? "utf-8" : keywordStr("encode", "encoding", a[0]);
            String errors = a[1] == null ? "strict" : keywordStr("encode", "errors", a[1]);
            return new PyBytes(Codecs.encode(s, encoding, errors));
        });
        t.define("format", (args, kw) -> {
            String s = self(args[0], "format");
            return StrFormat.format(s, args, kw);
        });
        t.define("format_map", (args, kw) -> {
            String s = self(args[0], "format_map");
            return StrFormat.formatMap(s, MethodArgs.one("str", "format_map", args, kw));
        });
        t.define("translate", (args, kw) -> translate(self(args[0], "translate"), MethodArgs.one("str", "translate", args, kw)));
        t.defineStatic("maketrans", StrMethods::maketrans);
        Codecs.installErrorTypes();
    }

    // ------------------------------------------------------------------ helpers

    /** The str inside a receiver (a str or an instance of a str subclass). */
    static String self(Object o, String method) {
        if (o instanceof String s) return s;
        if (o instanceof PyBoxed b && b.value instanceof String s) return s;
        throw Py.typeError("descriptor '" + method + "' for 'str' objects doesn't apply to a '" + Ops.typeName(o) + "' object");
    }

    /** The str value of o when it is a str (or a subclass instance), else null. */
    public static String asStr(Object o) {
        if (o instanceof String s) return s;
        if (o instanceof PyBoxed b && b.value instanceof String s) return s;
        return null;
    }

    private static String keywordStr(String fname, String param, Object o) {
        String s = asStr(o);
        if (s == null) throw Py.typeError(fname + "() argument '" + param + "' must be str, not " + Ops.typeName(o));
        return s;
    }

    /** A str argument of the find family: "must be str, not int". */
    private static String subArg(Object o) {
        String s = asStr(o);
        if (s == null) throw Py.typeError("must be str, not " + Ops.typeName(o));
        return s;
    }

    private static void checkDunderArgs(Object[] args, String[] kw, int n) {
        if (kw != null && kw.length > 0) throw Py.typeError("wrapper takes no keyword arguments");
        if (args.length - 1 != n) throw Py.typeError("expected " + n + " argument" + (n == 1 ? "" : "s") + ", got " + (args.length - 1));
    }

    /** CPython's memory size of a str: a header by storage kind (1, 2 or 4 bytes per character) plus the characters. */
    private static long sizeOf(String s) {
        int max = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            max = Math.max(max, cp);
            i += Character.charCount(cp);
        }
        long n = CodePoints.length(s);
        if (max < 0x80) return 49 + n;
        if (max < 0x100) return 73 + n;
        if (max < 0x10000) return 74 + 2 * n;
        return 76 + 4 * n;
    }

    static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    private static void defineComparison(PyType t, String name, int op) {
        t.define(name, (args, kw) -> {
            checkDunderArgs(args, kw, 1);
            String a = self(args[0], name);
            String b = asStr(args[1]);
            if (b == null) return Py.NotImplemented;
            if (op == 0) return Py.bool(a.equals(b));
            if (op == 1) return Py.bool(!a.equals(b));
            int c = compare(a, b);
            return Py.bool(switch (op) {
                case 2 -> c < 0;
                case 3 -> c <= 0;
                case 4 -> c > 0;
                default -> c >= 0;
            });
        });
    }

    // ------------------------------------------------------------------ public statics used by Ops

    /** Python's repr of a str: CPython's quote choice and escapes. */
    public static String repr(String s) {
        int n = s.length();
        boolean hasSingle = false;
        boolean hasDouble = false;
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'') hasSingle = true;
            else if (c == '"') hasDouble = true;
            else if (c < 0x20 || c >= 0x7f || c == '\\') plain = false;
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        if (plain && !hasSingle) return "'" + s + "'";
        StringBuilder sb = new StringBuilder(n + 8);
        sb.append(quote);
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append("\\x").append(Codecs.hex(cp, 2));
            } else if (cp < 0x7f || UnicodeData.isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else {
                appendEscape(sb, cp);
            }
        }
        return sb.append(quote).toString();
    }

    private static void appendEscape(StringBuilder sb, int cp) {
        if (cp <= 0xff) sb.append("\\x").append(Codecs.hex(cp, 2));
        else if (cp <= 0xffff) sb.append("\\u").append(Codecs.hex(cp, 4));
        else sb.append("\\U").append(Codecs.hex(cp, 8));
    }

    /** Python's ascii() applied to a repr: non-ASCII code points become \x, \\u or \\U escapes. */
    public static String asciiEscape(String s) {
        if (isAscii(s)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) sb.append((char) cp);
            else appendEscape(sb, cp);
        }
        return sb.toString();
    }

    /** Code point order comparison (UTF-16 order differs when surrogates meet chars above U+DFFF). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xd800 && y >= 0xd800) {
                    boolean xs = Character.isSurrogate(x);
                    if (xs != Character.isSurrogate(y)) return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Length in code points. */
    public static long length(String s) { return CodePoints.length(s); }

    // ------------------------------------------------------------------ construction

    private static final String[] NEW_PARAMS = {"object", "encoding", "errors"};

    /** str(object='') / str(object=b'', encoding='utf-8', errors='strict'). */
    private static Object strNew(Object[] args, String[] kw) {
        if (args.length == 0 || !(args[0] instanceof PyType cls)) {
            String what = args.length == 0 ? "" : " (" + Ops.typeName(args[0]) + ")";
            throw Py.typeError("str.__new__(X): X is not a type object" + what);
        }
        if (!cls.isSubtypeOf(PyTypes.STR)) {
            throw Py.typeError("str.__new__(" + cls.getName() + "): " + cls.getName() + " is not a subtype of str");
        }
        int nkw = kw == null ? 0 : kw.length;
        int npos = args.length - 1 - nkw;
        if (npos > 3) throw Py.typeError("str() takes at most 3 arguments (" + npos + " given)");
        Object[] a = new Object[3];
        System.arraycopy(args, 1, a, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int slot = -1;
            for (int i = 0; i < 3; i++) if (NEW_PARAMS[i].equals(kw[k])) slot = i;
            if (slot < 0) throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for str()");
            if (slot < npos) {
                throw Py.typeError("argument for str() given by name ('" + kw[k] + "') and position (" + (slot + 1) + ")");
            }
            a[slot] = args[1 + npos + k];
        }
        String value;
        if (a[1] == null && a[2] == null) {
            value = a[0] == null ? "" : Ops.str(a[0]);
        } else {
            String encoding = a[1] == null ? "utf-8" : strParam("str", "encoding", 2, a[1]);
            String errors = a[2] == null ? "strict" : strParam("str", "errors", 3, a[2]);
            Object obj = a[0] == null ? PyBytes.EMPTY : a[0];
            if (asStr(obj) != null) throw Py.typeError("decoding str is not supported");
            Object raw = Ops.unbox(obj);
            if (raw instanceof PyBytes b) value = Codecs.decode(b.bytes, b.bytes.length, encoding, errors);
            else if (raw instanceof PyByteArray ba) value = Codecs.decode(ba.bytes, ba.size, encoding, errors);
            else throw Py.typeError("decoding to str: need a bytes-like object, " + Ops.typeName(obj) + " found");
        }
        return cls == PyTypes.STR ? value : new PyBoxed(cls, value);
    }

    private static String strParam(String fname, String name, int pos, Object o) {
        String s = asStr(o);
        if (s == null) throw Py.typeError(fname + "() argument '" + name + "' must be str, not " + Ops.typeName(o));
        return s;
    }

    // ------------------------------------------------------------------ sequence protocol

    static Object getitem(String s, Object key) {
        if (key instanceof Long || key instanceof Boolean || key instanceof java.math.BigInteger) {
            return charAt(s, Ops.indexLong(key));
        }
        if (CodePoints.isSlice(key)) return slice(s, key);
        if (key instanceof PyObject && Ops.typeOf(key).lookup("__index__") != null) {
            return charAt(s, Ops.indexLong(key));
        }
        throw Py.typeError("string indices must be integers, not '" + Ops.typeName(key) + "'");
    }

    /** s[i] for a code point index that may be negative. */
    static String charAt(String s, long i) {
        if (CodePoints.isBmp(s)) {
            int n = s.length();
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Py.indexError("string index out of range");
            return CodePoints.charString(s.charAt((int) i));
        }
        int n = s.codePointCount(0, s.length());
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw Py.indexError("string index out of range");
        return CodePoints.charString(s.codePointAt(s.offsetByCodePoints(0, (int) i)));
    }

    static String slice(String s, Object sliceObj) {
        boolean bmp = CodePoints.isBmp(s);
        int n = bmp ? s.length() : s.codePointCount(0, s.length());
        long[] r = CodePoints.sliceIndices(sliceObj, n);
        int start = (int) r[0];
        int step = (int) r[2];
        int count = (int) r[3];
        if (count == 0) return "";
        if (step == 1) {
            if (count == n) return s;
            return bmp ? s.substring(start, start + count) : CodePoints.substring(s, start, start + count);
        }
        if (bmp) {
            char[] out = new char[count];
            for (int k = 0, i = start; k < count; k++, i += step) out[k] = s.charAt(i);
            return new String(out);
        }
        int[] cps = CodePoints.toArray(s);
        StringBuilder sb = new StringBuilder(count);
        for (int k = 0, i = start; k < count; k++, i += step) sb.appendCodePoint(cps[i]);
        return sb.toString();
    }

    private static Object repeat(String s, Object times) {
        if (!(times instanceof Long) && !(times instanceof Boolean)
                && !(times instanceof java.math.BigInteger) && Ops.typeOf(times).lookup("__index__") == null) {
            return Py.NotImplemented;
        }
        Object idx = Ops.index(times);
        if (!(idx instanceof Long)) {
            if (((java.math.BigInteger) idx).signum() < 0) return "";
            throw Py.overflowError("cannot fit 'int' into an index-sized integer");
        }
        long n = (Long) idx;
        if (n <= 0 || s.isEmpty()) return "";
        if (n == 1) return s;
        if (n > Long.MAX_VALUE / s.length()) throw Py.overflowError("repeated string is too long");
        if (n > (Integer.MAX_VALUE - 16) / s.length()) throw Py.memoryError();
        return s.repeat((int) n);
    }

    /** iter(s): a code point iterator, typed str_ascii_iterator for ASCII text as CPython's. */
    static PyIterator iterator(String s) {
        return new StrIterator(s, isAscii(s));
    }

    static final class StrIterator extends PyIterator {
        private final String text;
        private final boolean ascii;
        private int pos;

        StrIterator(String text, boolean ascii) {
            this.text = text;
            this.ascii = ascii;
        }

        @Override
        public Object next() {
            if (pos >= text.length()) return null;
            int cp = text.codePointAt(pos);
            pos += Character.charCount(cp);
            return CodePoints.charString(cp);
        }

        @Override
        public int lengthHint() {
            return ascii ? text.length() - pos : text.codePointCount(Math.min(pos, text.length()), text.length());
        }

        @Override public PyType getType() { return ascii ? ASCII_ITERATOR : ITERATOR; }
    }

    // ------------------------------------------------------------------ case mapping

    private static void installCaseMethods(PyType t) {
        t.define("lower", (args, kw) -> {
            MethodArgs.none("str", "lower", args, kw);
            return lower(self(args[0], "lower"));
        });
        t.define("upper", (args, kw) -> {
            MethodArgs.none("str", "upper", args, kw);
            return upper(self(args[0], "upper"));
        });
        t.define("casefold", (args, kw) -> {
            MethodArgs.none("str", "casefold", args, kw);
            String s = self(args[0], "casefold");
            String ascii = asciiCase(s, false);
            if (ascii != null) return ascii;
            return mapEach(s, UnicodeData.MAP_FOLD);
        });
        t.define("title", (args, kw) -> {
            MethodArgs.none("str", "title", args, kw);
            return title(self(args[0], "title"));
        });
        t.define("capitalize", (args, kw) -> {
            MethodArgs.none("str", "capitalize", args, kw);
            return capitalize(self(args[0], "capitalize"));
        });
        t.define("swapcase", (args, kw) -> {
            MethodArgs.none("str", "swapcase", args, kw);
            return swapcase(self(args[0], "swapcase"));
        });
    }

    /**
     * ASCII case mapping without the JDK's general case machinery: the mapped string, s itself
     * when nothing changes, or null when s is not ASCII.
     */
    private static String asciiCase(String s, boolean upper) {
        int n = s.length();
        char from = upper ? 'a' : 'A';
        char to = upper ? 'z' : 'Z';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            if (c >= from && c <= to) break;
        }
        if (i == n) return s;
        char[] out = new char[n];
        s.getChars(0, n, out, 0);
        for (; i < n; i++) {
            char c = out[i];
            if (c >= 0x80) return null;
            if (c >= from && c <= to) out[i] = (char) (c ^ 0x20);
        }
        return new String(out);
    }

    public static String lower(String s) {
        String ascii = asciiCase(s, false);
        if (ascii != null) return ascii;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    public static String upper(String s) {
        String ascii = asciiCase(s, true);
        if (ascii != null) return ascii;
        return mapEach(s, UnicodeData.MAP_UPPER);
    }

    private static String mapEach(String s, int which) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            UnicodeData.appendMapping(sb, cp, which);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The lowercase of the code point at s[i], with the final sigma rule. */
    private static void appendLower(StringBuilder sb, String s, int i, int cp) {
        if (cp == 0x3a3) sb.append(isFinalSigma(s, i) ? '\u03c2' : '\u03c3');
        else UnicodeData.appendMapping(sb, cp, UnicodeData.MAP_LOWER);
    }

    /**
     * Unicode's Final_Sigma condition as CPython applies it: a cased letter before the sigma
     * (skipping case-ignorable characters) and none after it.
     */
    private static boolean isFinalSigma(String s, int i) {
        int j = i;
        int before = -1;
        while (j > 0) {
            int c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if ((UnicodeData.flags(c) & UnicodeData.CASE_IGNORABLE) == 0) {
                before = c;
                break;
            }
        }
        if (before < 0 || (UnicodeData.flags(before) & UnicodeData.CASED) == 0) return false;
        j = i + 1;
        while (j < s.length()) {
            int c = s.codePointAt(j);
            j += Character.charCount(c);
            int f = UnicodeData.flags(c);
            if ((f & UnicodeData.CASE_IGNORABLE) == 0) return (f & UnicodeData.CASED) == 0;
        }
        return true;
    }

    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            if (cp < 128) {
                boolean upper = cp >= 'A' && cp <= 'Z';
                boolean lower = cp >= 'a' && cp <= 'z';
                if (previousCased && upper) sb.append((char) (cp + 32));
                else if (!previousCased && lower) sb.append((char) (cp - 32));
                else sb.append((char) cp);
                previousCased = upper || lower;
            } else {
                if (previousCased) appendLower(sb, s, i, cp);
                else UnicodeData.appendMapping(sb, cp, UnicodeData.MAP_TITLE);
                previousCased = (UnicodeData.flags(cp) & UnicodeData.CASED) != 0;
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String capitalize(String s) {
        if (s.isEmpty()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        int first = s.codePointAt(0);
        UnicodeData.appendMapping(sb, first, UnicodeData.MAP_TITLE);
        for (int i = Character.charCount(first), n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            int f = UnicodeData.flags(cp);
            if ((f & UnicodeData.UPPER) != 0) appendLower(sb, s, i, cp);
            else if ((f & UnicodeData.LOWER) != 0) UnicodeData.appendMapping(sb, cp, UnicodeData.MAP_UPPER);
            else sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ predicates

    private static void installPredicates(PyType t) {
        definePredicate(t, "isalpha", UnicodeData.ALPHA);
        definePredicate(t, "isdecimal", UnicodeData.DECIMAL);
        definePredicate(t, "isdigit", UnicodeData.DIGIT);
        definePredicate(t, "isnumeric", UnicodeData.NUMERIC);
        definePredicate(t, "isspace", UnicodeData.SPACE);
        definePredicate(t, "isalnum", UnicodeData.ALPHA | UnicodeData.DECIMAL | UnicodeData.DIGIT | UnicodeData.NUMERIC);
        t.define("isprintable", (args, kw) -> {
            MethodArgs.none("str", "isprintable", args, kw);
            String s = self(args[0], "isprintable");
            for (int i = 0, n = s.length(); i < n; ) {
                int cp = s.codePointAt(i);
                if (!UnicodeData.isPrintable(cp)) return false;
                i += Character.charCount(cp);
            }
            return true;
        });
        t.define("isascii", (args, kw) -> {
            MethodArgs.none("str", "isascii", args, kw);
            return isAscii(self(args[0], "isascii"));
        });
        t.define("isidentifier", (args, kw) -> {
            MethodArgs.none("str", "isidentifier", args, kw);
            return isIdentifier(self(args[0], "isidentifier"));
        });
        t.define("islower", (args, kw) -> {
            MethodArgs.none("str", "islower", args, kw);
            return caseCheck(self(args[0], "islower"), UnicodeData.LOWER, UnicodeData.UPPER | UnicodeData.TITLE);
        });
        t.define("isupper", (args, kw) -> {
            MethodArgs.none("str", "isupper", args, kw);
            return caseCheck(self(args[0], "isupper"), UnicodeData.UPPER, UnicodeData.LOWER | UnicodeData.TITLE);
        });
        t.define("istitle", (args, kw) -> {
            MethodArgs.none("str", "istitle", args, kw);
            return isTitle(self(args[0], "istitle"));
        });
    }

    private static void definePredicate(PyType t, String name, int mask) {
        t.define(name, (args, kw) -> {
            MethodArgs.none("str", name, args, kw);
            String s = self(args[0], name);
            if (s.isEmpty()) return false;
            for (int i = 0, n = s.length(); i < n; ) {
                int cp = s.codePointAt(i);
                if ((UnicodeData.flags(cp) & mask) == 0) return false;
                i += Character.charCount(cp);
            }
            return true;
        });
    }

    /** islower/isupper: no character of the opposite kinds, and at least one of the wanted kind. */
    private static boolean caseCheck(String s, int wanted, int forbidden) {
        boolean cased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            int f = UnicodeData.flags(cp);
            if ((f & forbidden) != 0) return false;
            if ((f & wanted) != 0) cased = true;
            i += Character.charCount(cp);
        }
        return cased;
    }

    private static boolean isTitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            int f = UnicodeData.flags(cp);
            if ((f & (UnicodeData.UPPER | UnicodeData.TITLE)) != 0) {
                if (previousCased) return false;
                previousCased = true;
                cased = true;
            } else if ((f & UnicodeData.LOWER) != 0) {
                if (!previousCased) return false;
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
            i += Character.charCount(cp);
        }
        return cased;
    }

    public static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int first = s.codePointAt(0);
        if (first != '_' && (UnicodeData.flags(first) & UnicodeData.XID_START) == 0) return false;
        for (int i = Character.charCount(first), n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            if ((UnicodeData.flags(cp) & UnicodeData.XID_CONTINUE) == 0) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    // ------------------------------------------------------------------ searching

    private static void installSearchMethods(PyType t) {
        t.define("find", (args, kw) -> {
            MethodArgs.varargs("str", "find", args, kw, 1, 3);
            return find(self(args[0], "find"), subArg(args[1]), opt(args, 2), opt(args, 3), false);
        });
        t.define("rfind", (args, kw) -> {
            MethodArgs.varargs("str", "rfind", args, kw, 1, 3);
            return find(self(args[0], "rfind"), subArg(args[1]), opt(args, 2), opt(args, 3), true);
        });
        t.define("index", (args, kw) -> {
            MethodArgs.varargs("str", "index", args, kw, 1, 3);
            long r = find(self(args[0], "index"), subArg(args[1]), opt(args, 2), opt(args, 3), false);
            if (r < 0) throw Py.valueError("substring not found");
            return r;
        });
        t.define("rindex", (args, kw) -> {
            MethodArgs.varargs("str", "rindex", args, kw, 1, 3);
            long r = find(self(args[0], "rindex"), subArg(args[1]), opt(args, 2), opt(args, 3), true);
            if (r < 0) throw Py.valueError("substring not found");
            return r;
        });
        t.define("count", (args, kw) -> {
            MethodArgs.varargs("str", "count", args, kw, 1, 3);
            return count(self(args[0], "count"), subArg(args[1]), opt(args, 2), opt(args, 3));
        });
        t.define("startswith", (args, kw) -> {
            MethodArgs.varargs("str", "startswith", args, kw, 1, 3);
            return affixMatch(self(args[0], "startswith"), args[1], opt(args, 2), opt(args, 3), false, "startswith");
        });
        t.define("endswith", (args, kw) -> {
            MethodArgs.varargs("str", "endswith", args, kw, 1, 3);
            return affixMatch(self(args[0], "endswith"), args[1], opt(args, 2), opt(args, 3), true, "endswith");
        });
        t.define("replace", (args, kw) -> {
            MethodArgs.positional("str", "replace", args, kw, 2, 3);
            String s = self(args[0], "replace");
            String old = asStr(args[1]);
            if (old == null) throw Py.typeError("replace() argument 1 must be str, not " + Ops.typeName(args[1]));
            String replacement = asStr(args[2]);
            if (replacement == null) throw Py.typeError("replace() argument 2 must be str, not " + Ops.typeName(args[2]));
            long count = args.length > 3 ? MethodArgs.size(args[3]) : -1;
            return replace(s, old, replacement, count);
        });
        t.define("removeprefix", (args, kw) -> {
            String s = self(args[0], "removeprefix");
            Object a = MethodArgs.one("str", "removeprefix", args, kw);
            String prefix = asStr(a);
            if (prefix == null) throw Py.typeError("removeprefix() argument must be str, not " + Ops.typeName(a));
            return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
        });
        t.define("removesuffix", (args, kw) -> {
            String s = self(args[0], "removesuffix");
            Object a = MethodArgs.one("str", "removesuffix", args, kw);
            String suffix = asStr(a);
            if (suffix == null) throw Py.typeError("removesuffix() argument must be str, not " + Ops.typeName(a));
            return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
        });
    }

    private static Object opt(Object[] args, int i) { return i < args.length ? args[i] : Py.None; }

    /** The search range [start, end) of s as char offsets, or null when start lies past the end. */
    private static int[] charRange(String s, Object start, Object end) {
        boolean bmp = CodePoints.isBmp(s);
        int len = bmp ? s.length() : s.codePointCount(0, s.length());
        int[] r = CodePoints.adjust(start, end, len);
        if (r[0] > len) return null;
        if (!bmp) {
            r[0] = s.offsetByCodePoints(0, r[0]);
            r[1] = r[1] <= 0 ? 0 : s.offsetByCodePoints(0, r[1]);
        }
        return r;
    }

    static long find(String s, String sub, Object start, Object end, boolean reverse) {
        if (start == Py.None && end == Py.None && CodePoints.isBmp(s)) {
            return reverse ? s.lastIndexOf(sub) : s.indexOf(sub);
        }
        int[] r = charRange(s, start, end);
        if (r == null) return -1;
        int from = r[0];
        int to = r[1];
        if (to - from < sub.length()) return -1;
        int idx;
        if (reverse) {
            idx = s.lastIndexOf(sub, to - sub.length());
            if (idx < from) return -1;
        } else {
            idx = s.indexOf(sub, from);
            if (idx < 0 || idx + sub.length() > to) return -1;
        }
        return CodePoints.cpIndex(s, idx);
    }

    static long count(String s, String sub, Object start, Object end) {
        int[] r = charRange(s, start, end);
        if (r == null) return 0;
        int cs = r[0];
        int ce = r[1];
        if (ce < cs) return 0;
        if (sub.isEmpty()) {
            return CodePoints.isBmp(s) ? ce - cs + 1 : s.codePointCount(cs, ce) + 1;
        }
        long n = 0;
        int subLen = sub.length();
        int i = s.indexOf(sub, cs);
        while (i >= 0 && i + subLen <= ce) {
            n++;
            i = s.indexOf(sub, i + subLen);
        }
        return n;
    }

    private static boolean affixMatch(String s, Object affix, Object start, Object end, boolean suffix, String name) {
        if (affix instanceof PyTuple tuple) {
            for (Object item : tuple.items) {
                String a = asStr(item);
                if (a == null) {
                    throw Py.typeError("tuple for " + name + " must only contain str, not " + Ops.typeName(item));
                }
                if (matchesAt(s, a, start, end, suffix)) return true;
            }
            return false;
        }
        String a = asStr(affix);
        if (a == null) {
            throw Py.typeError(name + " first arg must be str or a tuple of str, not " + Ops.typeName(affix));
        }
        return matchesAt(s, a, start, end, suffix);
    }

    private static boolean matchesAt(String s, String affix, Object start, Object end, boolean suffix) {
        if (start == Py.None && end == Py.None) return suffix ? s.endsWith(affix) : s.startsWith(affix);
        int[] r = charRange(s, start, end);
        if (r == null) return false;
        if (r[1] - r[0] < affix.length()) return false;
        int at = suffix ? r[1] - affix.length() : r[0];
        return s.startsWith(affix, at);
    }

    static String replace(String s, String old, String replacement, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        if (count == 0) return s;
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder(s.length() + replacement.length() * (int) Math.min(count, s.length() + 1));
            long done = 0;
            int i = 0;
            int n = s.length();
            while (done < count) {
                sb.append(replacement);
                done++;
                if (i >= n) break;
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            sb.append(s, i, n);
            return sb.toString();
        }
        int i = s.indexOf(old);
        if (i < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        long done = 0;
        while (i >= 0 && done < count) {
            sb.append(s, last, i).append(replacement);
            last = i + old.length();
            done++;
            i = s.indexOf(old, last);
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }

    // ------------------------------------------------------------------ splitting

    private static final String[] SPLIT_PARAMS = {"sep", "maxsplit"};

    private static void installSplitMethods(PyType t) {
        t.define("split", (args, kw) -> {
            String s = self(args[0], "split");
            Object[] a = MethodArgs.keywords("split", args, kw, SPLIT_PARAMS);
            long max = a[1] == null ? -1 : MethodArgs.size(a[1]);
            String sep = splitSep(a[0]);
            return sep == null ? splitWhitespace(s, max) : split(s, sep, max);
        });
        t.define("rsplit", (args, kw) -> {
            String s = self(args[0], "rsplit");
            Object[] a = MethodArgs.keywords("rsplit", args, kw, SPLIT_PARAMS);
            long max = a[1] == null ? -1 : MethodArgs.size(a[1]);
            String sep = splitSep(a[0]);
            return sep == null ? rsplitWhitespace(s, max) : rsplit(s, sep, max);
        });
        t.define("splitlines", (args, kw) -> {
            String s = self(args[0], "splitlines");
            Object[] a = MethodArgs.keywords("splitlines", args, kw, new String[] {"keepends"});
            boolean keep = a[0] != null && Ops.isTrue(a[0]);
            return splitlines(s, keep);
        });
        t.define("partition", (args, kw) -> {
            String s = self(args[0], "partition");
            String sep = partitionSep(MethodArgs.one("str", "partition", args, kw));
            int i = s.indexOf(sep);
            if (i < 0) return PyTuple.of(s, "", "");
            return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
        });
        t.define("rpartition", (args, kw) -> {
            String s = self(args[0], "rpartition");
            String sep = partitionSep(MethodArgs.one("str", "rpartition", args, kw));
            int i = s.lastIndexOf(sep);
            if (i < 0) return PyTuple.of("", "", s);
            return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
        });
    }

    private static String splitSep(Object o) {
        if (o == null || o == Py.None) return null;
        String sep = asStr(o);
        if (sep == null) throw Py.typeError("must be str or None, not " + Ops.typeName(o));
        if (sep.isEmpty()) throw Py.valueError("empty separator");
        return sep;
    }

    private static String partitionSep(Object o) {
        String sep = asStr(o);
        if (sep == null) throw Py.typeError("must be str, not " + Ops.typeName(o));
        if (sep.isEmpty()) throw Py.valueError("empty separator");
        return sep;
    }

    private static boolean isSpaceChar(char c) {
        return c < 128 ? (UnicodeData.ASCII[c] & UnicodeData.SPACE) != 0 : UnicodeData.isSpace(c);
    }

    static PyList splitWhitespace(String s, long max) {
        PyList out = new PyList();
        int n = s.length();
        int i = 0;
        if (max < 0) max = Long.MAX_VALUE;
        while (true) {
            while (i < n && isSpaceChar(s.charAt(i))) i++;
            if (i == n) break;
            if (max-- == 0) {
                out.append(s.substring(i));
                break;
            }
            int j = i;
            while (j < n && !isSpaceChar(s.charAt(j))) j++;
            out.append(s.substring(i, j));
            i = j;
        }
        return out;
    }

    static PyList rsplitWhitespace(String s, long max) {
        PyList out = new PyList();
        int i = s.length();
        if (max < 0) max = Long.MAX_VALUE;
        while (true) {
            while (i > 0 && isSpaceChar(s.charAt(i - 1))) i--;
            if (i == 0) break;
            if (max-- == 0) {
                out.append(s.substring(0, i));
                break;
            }
            int j = i;
            while (j > 0 && !isSpaceChar(s.charAt(j - 1))) j--;
            out.append(s.substring(j, i));
            i = j;
        }
        reverse(out);
        return out;
    }

    private static void reverse(PyList list) {
        for (int a = 0, b = list.size - 1; a < b; a++, b--) {
            Object tmp = list.items[a];
            list.items[a] = list.items[b];
            list.items[b] = tmp;
        }
    }

    static PyList split(String s, String sep, long max) {
        PyList out = new PyList();
        if (max < 0) max = Long.MAX_VALUE;
        int last = 0;
        int i;
        while (max > 0 && (i = s.indexOf(sep, last)) >= 0) {
            out.append(s.substring(last, i));
            last = i + sep.length();
            max--;
        }
        out.append(last == 0 ? s : s.substring(last));
        return out;
    }

    static PyList rsplit(String s, String sep, long max) {
        PyList out = new PyList();
        if (max < 0) max = Long.MAX_VALUE;
        int end = s.length();
        while (max > 0 && end >= sep.length()) {
            int i = s.lastIndexOf(sep, end - sep.length());
            if (i < 0) break;
            out.append(s.substring(i + sep.length(), end));
            end = i;
            max--;
        }
        out.append(end == s.length() ? s : s.substring(0, end));
        reverse(out);
        return out;
    }

    static PyList splitlines(String s, boolean keepEnds) {
        PyList out = new PyList();
        int n = s.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!UnicodeData.isLineBreak(c)) {
                i++;
                continue;
            }
            int eol = i + (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1);
            out.append(s.substring(start, keepEnds ? eol : i));
            start = eol;
            i = eol;
        }
        if (start < n) out.append(start == 0 ? s : s.substring(start));
        return out;
    }

    // ------------------------------------------------------------------ layout

    private static void installLayoutMethods(PyType t) {
        t.define("strip", (args, kw) -> {
            MethodArgs.positional("str", "strip", args, kw, 0, 1);
            return strip(self(args[0], "strip"), stripChars("strip", opt(args, 1)), true, true);
        });
        t.define("lstrip", (args, kw) -> {
            MethodArgs.positional("str", "lstrip", args, kw, 0, 1);
            return strip(self(args[0], "lstrip"), stripChars("lstrip", opt(args, 1)), true, false);
        });
        t.define("rstrip", (args, kw) -> {
            MethodArgs.positional("str", "rstrip", args, kw, 0, 1);
            return strip(self(args[0], "rstrip"), stripChars("rstrip", opt(args, 1)), false, true);
        });
        t.define("center", (args, kw) -> pad(args, kw, "center"));
        t.define("ljust", (args, kw) -> pad(args, kw, "ljust"));
        t.define("rjust", (args, kw) -> pad(args, kw, "rjust"));
        t.define("zfill", (args, kw) -> {
            String s = self(args[0], "zfill");
            return zfill(s, MethodArgs.size(MethodArgs.one("str", "zfill", args, kw)));
        });
        t.define("expandtabs", (args, kw) -> {
            String s = self(args[0], "expandtabs");
            Object[] a = MethodArgs.keywords("expandtabs", args, kw, new String[] {"tabsize"});
            return expandtabs(s, a[0] == null ? 8 : MethodArgs.cInt(a[0]));
        });
    }

    private static String stripChars(String name, Object o) {
        if (o == Py.None) return null;
        String s = asStr(o);
        if (s == null) throw Py.typeError(name + " arg must be None or str");
        return s;
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (chars == null) {
            if (left) while (start < end && isSpaceChar(s.charAt(start))) start++;
            if (right) while (end > start && isSpaceChar(s.charAt(end - 1))) end--;
        } else if (CodePoints.isBmp(chars) && CodePoints.isBmp(s)) {
            if (left) while (start < end && chars.indexOf(s.charAt(start)) >= 0) start++;
            if (right) while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
        } else {
            if (left) {
                while (start < end) {
                    int cp = s.codePointAt(start);
                    if (chars.indexOf(cp) < 0) break;
                    start += Character.charCount(cp);
                }
            }
            if (right) {
                while (end > start) {
                    int cp = s.codePointBefore(end);
                    if (chars.indexOf(cp) < 0) break;
                    end -= Character.charCount(cp);
                }
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static Object pad(Object[] args, String[] kw, String name) {
        MethodArgs.positional("str", name, args, kw, 1, 2);
        String s = self(args[0], name);
        long width = MethodArgs.size(args[1]);
        int fill = ' ';
        if (args.length > 2) {
            String f = asStr(args[2]);
            if (f == null) {
                throw Py.typeError("The fill character must be a unicode character, not " + Ops.typeName(args[2]));
            }
            if (f.isEmpty() || f.codePointCount(0, f.length()) != 1) {
                throw Py.typeError("The fill character must be exactly one character long");
            }
            fill = f.codePointAt(0);
        }
        long len = CodePoints.length(s);
        if (width <= len) return s;
        long margin = width - len;
        long left = switch (name) {
            case "ljust" -> 0;
            case "rjust" -> margin;
            default -> margin / 2 + (margin & width & 1);
        };
        return padded(s, left, margin - left, fill);
    }

    /** s with `left` fill characters before and `right` after. */
    static String padded(String s, long left, long right, int fill) {
        long total = (left + right) * Character.charCount(fill) + s.length();
        if (total > Integer.MAX_VALUE - 16) throw Py.memoryError();
        StringBuilder sb = new StringBuilder((int) total);
        for (long k = 0; k < left; k++) sb.appendCodePoint(fill);
        sb.append(s);
        for (long k = 0; k < right; k++) sb.appendCodePoint(fill);
        return sb.toString();
    }

    static String zfill(String s, long width) {
        long len = CodePoints.length(s);
        if (width <= len) return s;
        String padded = padded(s, width - len, 0, '0');
        int signAt = (int) (width - len);
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + padded.substring(0, signAt) + padded.substring(signAt + 1);
        }
        return padded;
    }

    static String expandtabs(String s, long tabsize) {
        if (s.indexOf('\t') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        long column = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    long spaces = tabsize - column % tabsize;
                    if (sb.length() + spaces > Integer.MAX_VALUE - 16) throw Py.memoryError();
                    for (long k = 0; k < spaces; k++) sb.append(' ');
                    column += spaces;
                }
            } else {
                sb.append(c);
                if (c == '\n' || c == '\r') column = 0;
                else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) column++;
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ join, translate

    static String join(String sep, Object iterable) {
        Object[] items;
        int n;
        if (iterable instanceof PyList l) {
            items = l.items;
            n = l.size;
        } else if (iterable instanceof PyTuple t) {
            items = t.items;
            n = t.items.length;
        } else {
            if (!BytesMethods.isIterable(iterable)) throw Py.typeError("can only join an iterable");
            items = Ops.toArray(iterable);
            n = items.length;
        }
        if (n == 0) return "";
        if (n == 1) {
            String only = asStr(items[0]);
            if (only == null) throw joinError(0, items[0]);
            return only;
        }
        String[] parts = new String[n];
        long total = (long) sep.length() * (n - 1);
        for (int i = 0; i < n; i++) {
            Object item = items[i];
            String s = item instanceof String str ? str : asStr(item);
            if (s == null) throw joinError(i, item);
            parts[i] = s;
            total += s.length();
        }
        if (total > Integer.MAX_VALUE - 16) throw Py.memoryError();
        StringBuilder sb = new StringBuilder((int) total);
        sb.append(parts[0]);
        for (int i = 1; i < n; i++) sb.append(sep).append(parts[i]);
        return sb.toString();
    }

    private static PyException joinError(int i, Object item) {
        return Py.typeError("sequence item " + i + ": expected str instance, " + Ops.typeName(item) + " found");
    }

    static String translate(String s, Object table) {
        StringBuilder sb = new StringBuilder(s.length());
        PyDict dict = table instanceof PyDict d && d.getType() == PyTypes.DICT ? d : null;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Object key = (long) cp;
            Object mapped;
            if (dict != null) {
                mapped = dict.get(key);
            } else {
                try {
                    mapped = Ops.getitem(table, key);
                } catch (PyException e) {
                    if (!e.matches(PyExc.LookupError)) throw e;
                    mapped = null;
                }
            }
            if (mapped == null) {
                sb.appendCodePoint(cp);
            } else if (mapped == Py.None) {
                continue;
            } else if (mapped instanceof Long || mapped instanceof Boolean || mapped instanceof java.math.BigInteger) {
                Object v = Ops.index(mapped);
                if (!(v instanceof Long l) || l < 0 || l > 0x10ffff) {
                    throw Py.valueError("character mapping must be in range(0x110000)");
                }
                sb.appendCodePoint((int) (long) l);
            } else {
                String m = asStr(mapped);
                if (m == null) throw Py.typeError("character mapping must return integer, None or str");
                sb.append(m);
            }
        }
        return sb.toString();
    }

    /** str.maketrans(x[, y[, z]]). */
    private static Object maketrans(Object[] args, String[] kw) {
        if (kw != null && kw.length > 0) throw Py.typeError("maketrans() takes no keyword arguments");
        int n = args.length;
        if (n < 1) throw Py.typeError("maketrans() takes at least 1 argument (0 given)");
        if (n > 3) throw Py.typeError("maketrans() takes at most 3 arguments (" + n + " given)");
        PyDict out = new PyDict();
        if (n == 1) {
            if (!(args[0] instanceof PyDict source)) {
                throw Py.typeError("if you give only one argument to maketrans it must be a dict");
            }
            for (Object key : source.keysArray()) {
                Object value = source.get(key);
                String k = asStr(key);
                if (k != null) {
                    if (k.codePointCount(0, k.length()) != 1) {
                        throw Py.valueError("string keys in translate table must be of length 1");
                    }
                    out.put((long) k.codePointAt(0), value);
                } else if (key instanceof Long || key instanceof Boolean || key instanceof java.math.BigInteger) {
                    out.put(Ops.index(key), value);
                } else {
                    throw Py.typeError("keys in translate table must be strings or integers");
                }
            }
            return out;
        }
        String x = asStr(args[0]);
        if (x == null) throw Py.typeError("first maketrans argument must be a string if there is a second argument");
        String y = asStr(args[1]);
        if (y == null) throw Py.typeError("maketrans() argument 2 must be str, not " + Ops.typeName(args[1]));
        int[] from = CodePoints.toArray(x);
        int[] to = CodePoints.toArray(y);
        if (from.length != to.length) throw Py.valueError("the first two maketrans arguments must have equal length");
        for (int i = 0; i < from.length; i++) out.put((long) from[i], (long) to[i]);
        if (n == 3) {
            String z = asStr(args[2]);
            if (z == null) throw Py.typeError("maketrans() argument 3 must be str, not " + Ops.typeName(args[2]));
            z.codePoints().forEach(cp -> out.put((long) cp, Py.None));
        }
        return out;
    }
}
