package dev.gild.runtime;

/**
 * str.format and str.format_map, following CPython's Objects/stringlib/unicode_format.h:
 * literal text with {{ and }} escapes, replacement fields {name.attr[key]!conv:spec} with
 * automatic or manual numbering, nested fields inside the spec (two levels), and the same
 * errors.
 */
final class StrFormat {
    private final String text;
    /** Positional arguments, or null for format_map. */
    private final Object[] positional;
    private final int positionalCount;
    /** Keyword arguments (a dict) or the format_map mapping, or null. */
    private final Object keywords;
    /** Automatic field numbering: 0 unknown yet, 1 automatic, 2 manual. */
    private int numbering;
    private int nextAutoIndex;

    private StrFormat(String text, Object[] positional, int positionalCount, Object keywords) {
        this.text = text;
        this.positional = positional;
        this.positionalCount = positionalCount;
        this.keywords = keywords;
    }

    /** str.format(*args, **kwargs) with args[0] the format string receiver. */
    static String format(String s, Object[] args, String[] kw) {
        int nkw = kw == null ? 0 : kw.length;
        int npos = args.length - 1 - nkw;
        PyDict kwargs = null;
        if (nkw > 0) {
            kwargs = new PyDict();
            for (int k = 0; k < nkw; k++) kwargs.put(kw[k], args[1 + npos + k]);
        }
        Object[] positional = new Object[npos];
        System.arraycopy(args, 1, positional, 0, npos);
        StrFormat f = new StrFormat(s, positional, npos, kwargs);
        StringBuilder out = new StringBuilder(s.length() + 16 * (npos + nkw));
        f.build(out, 0, s.length(), 2);
        return out.toString();
    }

    /** str.format_map(mapping). */
    static String formatMap(String s, Object mapping) {
        StrFormat f = new StrFormat(s, null, 0, mapping);
        StringBuilder out = new StringBuilder(s.length() + 16);
        f.build(out, 0, s.length(), 2);
        return out.toString();
    }

    /** Renders text[start:end] into out; depth limits nesting of fields in specs. */
    private void build(StringBuilder out, int start, int end, int depth) {
        if (depth <= 0) throw Py.valueError("Max string recursion exceeded");
        String s = text;
        int pos = start;
        while (pos < end) {
            int literalStart = pos;
            char c = 0;
            boolean markup = false;
            while (pos < end) {
                c = s.charAt(pos++);
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= end;
            int literalEnd = pos;
            if (c == '}' && markup && (atEnd || s.charAt(pos) != '}')) {
                throw Py.valueError("Single '}' encountered in format string");
            }
            if (atEnd && c == '{' && markup) throw Py.valueError("Single '{' encountered in format string");
            if (markup) {
                if (s.charAt(pos) == c) {
                    // An escaped brace: the literal includes one brace, no field follows.
                    pos++;
                    markup = false;
                } else {
                    literalEnd--;
                }
            }
            out.append(s, literalStart, literalEnd);
            if (!markup) continue;
            pos = field(out, pos, end, depth);
        }
    }

    /** Parses and renders one replacement field starting after its '{'; returns the position after its '}'. */
    private int field(StringBuilder out, int pos, int end, int depth) {
        String s = text;
        int nameStart = pos;
        char c = 0;
        while (pos < end) {
            c = s.charAt(pos++);
            if (c == '{') throw Py.valueError("unexpected '{' in field name");
            if (c == '[') {
                while (pos < end && s.charAt(pos) != ']') pos++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        int nameEnd = pos - 1;
        char conversion = 0;
        int specStart = -1;
        int specEnd = -1;
        boolean specNeedsExpanding = false;
        if (c == '!' || c == ':') {
            if (c == '!') {
                if (pos >= end) throw Py.valueError("end of string while looking for conversion specifier");
                conversion = s.charAt(pos++);
                if (pos < end) {
                    char next = s.charAt(pos++);
                    if (next == '}') {
                        render(out, nameStart, nameEnd, conversion, -1, -1, false, depth);
                        return pos;
                    }
                    if (next != ':') throw Py.valueError("expected ':' after conversion specifier");
                }
            }
            specStart = pos;
            int count = 1;
            while (pos < end) {
                char d = s.charAt(pos++);
                if (d == '{') {
                    specNeedsExpanding = true;
                    count++;
                } else if (d == '}') {
                    count--;
                    if (count == 0) {
                        specEnd = pos - 1;
                        render(out, nameStart, nameEnd, conversion, specStart, specEnd, specNeedsExpanding, depth);
                        return pos;
                    }
                }
            }
            throw Py.valueError("unmatched '{' in format spec");
        } else if (c != '}') {
            throw Py.valueError("expected '}' before end of string");
        }
        render(out, nameStart, nameEnd, conversion, -1, -1, false, depth);
        return pos;
    }

    private void render(StringBuilder out, int nameStart, int nameEnd, char conversion, int specStart, int specEnd,
                        boolean specNeedsExpanding, int depth) {
        Object value = fieldValue(nameStart, nameEnd);
        if (conversion != 0) {
            value = switch (conversion) {
                case 'r' -> Ops.repr(value);
                case 's' -> Ops.str(value);
                case 'a' -> Ops.ascii(value);
                default -> throw Py.valueError(conversion > 32 && conversion < 127
                        ? "Unknown conversion specifier " + conversion
                        : "Unknown conversion specifier \\x" + Integer.toHexString(conversion));
            };
        }
        String spec;
        if (specStart < 0) {
            spec = "";
        } else if (specNeedsExpanding) {
            StringBuilder sb = new StringBuilder();
            build(sb, specStart, specEnd, depth - 1);
            spec = sb.toString();
        } else {
            spec = text.substring(specStart, specEnd);
        }
        out.append(FormatMethods.format(value, spec));
    }

    /** get_field_object: the argument named by text[start:end] with its .attr and [key] accessors. */
    private Object fieldValue(int start, int end) {
        String s = text;
        int i = start;
        while (i < end && s.charAt(i) != '.' && s.charAt(i) != '[') i++;
        String first = s.substring(start, i);
        long index = parseIndex(first);
        boolean empty = first.isEmpty();
        boolean numeric = empty || index != -1;
        if (numeric) {
            if (numbering == 0) numbering = empty ? 1 : 2;
            if (numbering == 2 && empty) {
                throw Py.valueError("cannot switch from manual field specification to automatic field numbering");
            }
            if (numbering == 1 && !empty) {
                throw Py.valueError("cannot switch from automatic field numbering to manual field specification");
            }
            if (empty) index = nextAutoIndex++;
        }
        Object obj;
        if (index == -1) {
            if (keywords == null) throw Py.keyError(first);
            obj = Ops.getitem(keywords, first);
        } else {
            if (positional == null) throw Py.valueError("Format string contains positional fields");
            if (index >= positionalCount) {
                throw Py.indexError("Replacement index " + index + " out of range for positional args tuple");
            }
            obj = positional[(int) index];
        }
        while (i < end) {
            char c = s.charAt(i++);
            int nameStart = i;
            if (c == '.') {
                while (i < end && s.charAt(i) != '.' && s.charAt(i) != '[') i++;
                if (i == nameStart) throw Py.valueError("Empty attribute in format string");
                obj = Ops.getattr(obj, s.substring(nameStart, i));
            } else if (c == '[') {
                while (i < end && s.charAt(i) != ']') i++;
                if (i >= end) throw Py.valueError("Missing ']' in format string");
                String key = s.substring(nameStart, i);
                i++;
                if (key.isEmpty()) throw Py.valueError("Empty attribute in format string");
                long k = parseIndex(key);
                obj = k == -1 ? Ops.getitem(obj, key) : Ops.getitem(obj, k);
            } else {
                throw Py.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }

    /** A field name made only of ASCII digits as a number, else -1. */
    private static long parseIndex(String s) {
        if (s.isEmpty()) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) throw Py.valueError("Too many decimal digits in format string");
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
