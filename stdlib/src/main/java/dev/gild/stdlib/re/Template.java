package dev.gild.stdlib.re;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * A parsed replacement template of sub()/expand(): literal text and group references
 * ({@code \1}, {@code \g<name>}, {@code \g<2>}), with CPython's escapes and errors.
 */
final class Template {
    /** Literal strings and Integer group numbers, in order. */
    private final List<Object> parts;

    private Template(List<Object> parts) { this.parts = parts; }

    static Template parse(RegexPattern p, Object repl, Object value) {
        String text;
        if (value instanceof String s) {
            if (p.bytes) throw Py.typeError("expected a bytes-like object, str found");
            text = s;
        } else if (value instanceof PyBytes b) {
            if (!p.bytes) throw Py.typeError("expected str instance, bytes found");
            text = new String(b.bytes, StandardCharsets.ISO_8859_1);
        } else {
            throw Py.typeError(p.bytes ? "expected a bytes-like object, " + Ops.typeName(repl) + " found"
                    : "expected str instance, " + Ops.typeName(repl) + " found");
        }
        List<Object> parts = new ArrayList<>();
        if (text.indexOf('\\') < 0) {
            parts.add(text);
            return new Template(parts);
        }
        int[] src = text.codePoints().toArray();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < src.length) {
            int c = src[i];
            if (c != '\\') {
                literal.appendCodePoint(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= src.length) throw RegexModule.error(p.module, "bad escape (end of pattern)", repl, start);
            c = src[i++];
            int group = -1;
            if (c == 'g') {
                if (i >= src.length || src[i] != '<') throw RegexModule.error(p.module, "missing <", repl, i);
                int nameStart = ++i;
                while (i < src.length && src[i] != '>') i++;
                if (i >= src.length) {
                    throw RegexModule.error(p.module, nameStart == i ? "missing group name" : "missing >, unterminated name", repl, nameStart);
                }
                String name = new String(src, nameStart, i - nameStart);
                i++;
                if (name.isEmpty()) throw RegexModule.error(p.module, "missing group name", repl, nameStart);
                if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    group = name.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(name);
                    if (group > p.groups) throw RegexModule.error(p.module, "invalid group reference " + name, repl, nameStart);
                } else {
                    if (!Character.isUnicodeIdentifierStart(name.codePointAt(0)) && name.charAt(0) != '_') {
                        throw RegexModule.error(p.module, "bad character in group name '" + name + "'", repl, nameStart);
                    }
                    Integer index = p.groupIndex.get(name);
                    if (index == null) throw Py.raise(dev.gild.runtime.PyExc.IndexError, "unknown group name '" + name + "'");
                    group = index;
                }
            } else if (c == '0') {
                int v = 0;
                for (int k = 0; k < 2 && i < src.length && src[i] >= '0' && src[i] <= '7'; k++) v = v * 8 + (src[i++] - '0');
                literal.appendCodePoint(v);
                continue;
            } else if (c >= '1' && c <= '9') {
                group = c - '0';
                if (i < src.length && src[i] >= '0' && src[i] <= '9') {
                    if (c <= '7' && src[i] <= '7' && i + 1 < src.length && src[i + 1] >= '0' && src[i + 1] <= '7') {
                        int v = (c - '0') * 64 + (src[i] - '0') * 8 + (src[i + 1] - '0');
                        if (v > 0377) {
                            throw RegexModule.error(p.module, "octal escape value \\" + new String(src, start + 1, 3)
                                    + " outside of range 0-0o377", repl, start);
                        }
                        i += 2;
                        literal.appendCodePoint(v);
                        continue;
                    }
                    group = group * 10 + (src[i++] - '0');
                }
                if (group > p.groups) throw RegexModule.error(p.module, "invalid group reference " + group, repl, start + 1);
            } else {
                int ch = switch (c) {
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> 0x0b;
                    case '\\' -> '\\';
                    default -> -1;
                };
                if (ch >= 0) {
                    literal.append((char) ch);
                } else if (c < 128 && Character.isLetterOrDigit(c)) {
                    throw RegexModule.error(p.module, "bad escape \\" + (char) c, repl, start);
                } else {
                    literal.append('\\').appendCodePoint(c);
                }
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(group);
        }
        if (!literal.isEmpty()) parts.add(literal.toString());
        return new Template(parts);
    }

    /** Appends the expansion for one match (unmatched groups expand to nothing). */
    void expand(StringBuilder out, MatchResult m, Subject s) {
        for (Object part : parts) {
            if (part instanceof String lit) {
                out.append(lit);
            } else {
                int g = (Integer) part;
                int start = m.start(g);
                if (start >= 0) out.append(s.text, start, m.end(g));
            }
        }
    }

    /** The expansion over stored spans (Match.expand). */
    void expand(StringBuilder out, int[] spans, Subject s) {
        for (Object part : parts) {
            if (part instanceof String lit) {
                out.append(lit);
            } else {
                int g = (Integer) part;
                if (spans[2 * g] >= 0) out.append(s.text, spans[2 * g], spans[2 * g + 1]);
            }
        }
    }
}
