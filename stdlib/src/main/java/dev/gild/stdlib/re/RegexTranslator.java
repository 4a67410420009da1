package dev.gild.stdlib.re;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Python's regular-expression syntax into java.util.regex syntax, checking it the way
 * CPython's parser does (same error messages and positions, in code points).
 *
 * <p>The output never relies on Java's MULTILINE, DOTALL, COMMENTS or UNICODE_CHARACTER_CLASS:
 * {@code ^ $ . \w \d \s \b} are emitted as explicit constructs for the flags in force at that point
 * of the pattern, so scoped inline flags ({@code (?m:...)}) and Python's definitions (for example
 * {@code $} matching before a final newline, {@code \s} including U+001C..U+001F) hold exactly.
 * The Java pattern is compiled with UNIX_LINES (only {@code \n} ends a line) and, for IGNORECASE,
 * CASE_INSENSITIVE (plus UNICODE_CASE unless the pattern is bytes or ASCII).
 */
final class RegexTranslator {
    static final int TEMPLATE = 1, IGNORECASE = 2, LOCALE = 4, MULTILINE = 8, DOTALL = 16, UNICODE = 32,
            VERBOSE = 64, DEBUG = 128, ASCII = 256;

    private static final String UNICODE_WORD = "\\p{L}\\p{N}_";
    private static final String ASCII_WORD = "a-zA-Z0-9_";
    private static final String UNICODE_SPACE = "\\t\\n\\x{b}\\f\\r\\x{1c}-\\x{1f}\\x{85}\\p{Z}";
    private static final String ASCII_SPACE = "\\t\\n\\x{b}\\f\\r ";

    /** A syntax error: CPython's message and the code-point position it refers to. */
    static final class Error extends RuntimeException {
        final int pos;

        Error(String message, int pos) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    private final int[] src;
    private final boolean bytes;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    /** Flags as the pattern was compiled with, plus global inline flags. */
    int globalFlags;
    int groups;
    final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    private final BitSet openGroups = new BitSet();
    /** Whether something other than global-flag groups has been seen (they must come first). */
    private boolean started;
    /** Unbounded width (Python's MAXREPEAT and beyond). */
    private static final long UNBOUNDED = 1L << 40;
    /**
     * Minimum and maximum width (in characters) of the atom or group body just parsed, for
     * Python's rule that a look-behind must have a fixed width.
     */
    private long widthLo, widthHi;
    private final java.util.Map<Integer, long[]> groupWidths = new java.util.HashMap<>();
    /** Inside a look-behind: the number of groups opened before it (-1 outside). */
    private int lookbehindGroups = -1;

    private RegexTranslator(String pattern, int flags, boolean bytes) {
        this.src = pattern.codePoints().toArray();
        this.globalFlags = flags;
        this.bytes = bytes;
    }

    /** The Java source of a Python pattern; the translator keeps the group table. */
    static RegexTranslator translate(String pattern, int flags, boolean bytes) {
        RegexTranslator t = new RegexTranslator(pattern, flags, bytes);
        t.run();
        return t;
    }

    String javaSource() { return out.toString(); }

    private void run() {
        int flags = globalFlags;
        if ((flags & VERBOSE) != 0) skipVerbose(flags);
        flags = leadingGlobalFlags(flags);
        alternation(flags, 0);
        if (pos < src.length) {
            // only a ')' stops the top level early
            throw new Error("unbalanced parenthesis", pos);
        }
    }

    /** Consumes (?flags) groups at the start; they apply to the whole pattern. */
    private int leadingGlobalFlags(int flags) {
        while (pos + 2 < src.length && src[pos] == '(' && src[pos + 1] == '?' && isFlagChar(src[pos + 2])) {
            int save = pos;
            int start = pos;
            pos += 2;
            int add = 0;
            while (pos < src.length && isFlagChar(src[pos])) add |= flagBit(src[pos++]);
            if (pos < src.length && src[pos] == ')') {
                pos++;
                checkFlagCompatibility(flags | add, start);
                globalFlags |= add;
                flags |= add;
                if ((flags & VERBOSE) != 0) skipVerbose(flags);
                continue;
            }
            pos = save;
            break;
        }
        return flags;
    }

    private void checkFlagCompatibility(int flags, int at) {
        if ((flags & ASCII) != 0 && (flags & UNICODE) != 0 && !bytes) {
            throw new Error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", at);
        }
    }

    private static boolean isFlagChar(int c) {
        return c == 'a' || c == 'i' || c == 'L' || c == 'm' || c == 's' || c == 'u' || c == 'x';
    }

    private static int flagBit(int c) {
        return switch (c) {
            case 'a' -> ASCII;
            case 'i' -> IGNORECASE;
            case 'L' -> LOCALE;
            case 'm' -> MULTILINE;
            case 's' -> DOTALL;
            case 'u' -> UNICODE;
            case 'x' -> VERBOSE;
            default -> 0;
        };
    }

    private boolean asciiMode(int flags) { return bytes || (flags & ASCII) != 0; }

    /** Skips whitespace and # comments (VERBOSE mode, outside character classes). */
    private void skipVerbose(int flags) {
        while (pos < src.length) {
            int c = src[pos];
            if (c == '#') {
                while (pos < src.length && src[pos] != '\n') pos++;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f') {
                pos++;
            } else {
                return;
            }
        }
    }

    /**
     * Parses alternatives until ')' or the end; depth is the group nesting. Leaves the width range
     * of the whole alternation in widthLo/widthHi.
     */
    private void alternation(int flags, int depth) {
        // start of the current item in out, -1 when there is none to repeat; whether it is repeated
        int itemStart = -1;
        boolean repeated = false;
        long branchLo = 0, branchHi = 0, itemLo = 0, itemHi = 0;
        long altLo = UNBOUNDED, altHi = 0;
        while (true) {
            if ((flags & VERBOSE) != 0) skipVerbose(flags);
            int c = pos < src.length ? src[pos] : -1;
            if (c == -1 || c == ')' || c == '|') {
                altLo = Math.min(altLo, branchLo);
                altHi = Math.max(altHi, branchHi);
                if (c != '|') {
                    if (c == ')' && depth == 0) throw new Error("unbalanced parenthesis", pos);
                    widthLo = altLo;
                    widthHi = altHi;
                    return;
                }
                pos++;
                out.append('|');
                itemStart = -1;
                repeated = false;
                branchLo = branchHi = 0;
                continue;
            }
            int here = pos;
            if (c == '*' || c == '+' || c == '?' || (c == '{' && quantifierAhead())) {
                if (itemStart < 0) throw new Error(repeated ? "multiple repeat" : "nothing to repeat", here);
                if (repeated) throw new Error("multiple repeat", here);
                long[] bounds = quantifier();
                branchLo -= itemLo;
                branchHi -= itemHi;
                itemLo = Math.min(itemLo * bounds[0], UNBOUNDED);
                itemHi = bounds[1] < 0 ? (itemHi == 0 ? 0 : UNBOUNDED) : Math.min(itemHi * bounds[1], UNBOUNDED);
                branchLo = Math.min(branchLo + itemLo, UNBOUNDED);
                branchHi = Math.min(branchHi + itemHi, UNBOUNDED);
                repeated = true;
                continue;
            }
            started = true;
            repeated = false;
            int outStart = out.length();
            widthLo = widthHi = 1;
            boolean repeatable = atom(flags, depth);
            itemLo = widthLo;
            itemHi = widthHi;
            branchLo = Math.min(branchLo + itemLo, UNBOUNDED);
            branchHi = Math.min(branchHi + itemHi, UNBOUNDED);
            itemStart = repeatable ? outStart : -1;
            if (!repeatable) repeated = false;
        }
    }

    /** Whether a '{' at pos starts a valid {m,n} quantifier (otherwise it is a literal). */
    private boolean quantifierAhead() {
        int i = pos + 1;
        int digits = 0;
        while (i < src.length && isDigit(src[i])) { i++; digits++; }
        if (i < src.length && src[i] == ',') {
            i++;
            while (i < src.length && isDigit(src[i])) i++;
        } else if (digits == 0) {
            return false;
        }
        return i < src.length && src[i] == '}';
    }

    /** Parses a quantifier; returns its {min, max} (max -1 when unbounded). */
    private long[] quantifier() {
        int c = src[pos++];
        long[] bounds = {0, -1};
        switch (c) {
            case '*' -> out.append('*');
            case '+' -> {
                out.append('+');
                bounds[0] = 1;
            }
            case '?' -> {
                out.append('?');
                bounds[1] = 1;
            }
            default -> {
                int here = pos;
                long min = 0, max = -1;
                int start = pos;
                while (isDigit(src[pos])) min = Math.min(min * 10 + (src[pos++] - '0'), Integer.MAX_VALUE);
                boolean hasMin = pos > start;
                if (src[pos] == ',') {
                    pos++;
                    int maxStart = pos;
                    long m = 0;
                    while (isDigit(src[pos])) m = Math.min(m * 10 + (src[pos++] - '0'), Integer.MAX_VALUE);
                    if (pos > maxStart) max = m;
                } else {
                    max = min;
                }
                pos++;
                if (!hasMin) min = 0;
                if (max >= 0 && max < min) throw new Error("min repeat greater than max repeat", here);
                out.append('{').append(min).append(',');
                if (max >= 0) out.append(max);
                out.append('}');
                bounds[0] = min;
                bounds[1] = max;
            }
        }
        if (pos < src.length && (src[pos] == '?' || src[pos] == '+')) out.append((char) src[pos++]);
        return bounds;
    }

    /** Parses one atom at pos; returns whether a quantifier may follow it. */
    private boolean atom(int flags, int depth) {
        int c = src[pos];
        switch (c) {
            case '(' -> {
                return group(flags, depth);
            }
            case '[' -> {
                charClass(flags);
                return true;
            }
            case '.' -> {
                pos++;
                out.append((flags & DOTALL) != 0 ? "(?s:.)" : ".");
                return true;
            }
            case '^' -> {
                pos++;
                out.append((flags & MULTILINE) != 0 ? "(?<![^\\n])" : "\\A");
                widthLo = widthHi = 0;
                return false;
            }
            case '$' -> {
                pos++;
                out.append((flags & MULTILINE) != 0 ? "(?=\\n|\\z)" : "(?=\\n?\\z)");
                widthLo = widthHi = 0;
                return false;
            }
            case '\\' -> {
                return escape(flags);
            }
            default -> {
                pos++;
                literal(c);
                return true;
            }
        }
    }

    private void literal(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out.append((char) c);
        } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    // ------------------------------------------------------------------ groups

    private boolean group(int flags, int depth) {
        int open = pos;
        pos++;
        if (pos < src.length && src[pos] == '?') {
            pos++;
            if (pos >= src.length) throw new Error("unexpected end of pattern", pos);
            int c = src[pos];
            switch (c) {
                case ':' -> {
                    pos++;
                    out.append("(?:");
                    body(flags, depth, open);
                    return true;
                }
                case 'P' -> {
                    pos++;
                    if (pos < src.length && src[pos] == '<') {
                        pos++;
                        String name = groupName('>');
                        int index = ++groups;
                        Integer previous = groupIndex.putIfAbsent(name, index);
                        if (previous != null) {
                            throw new Error("redefinition of group name '" + name + "' as group " + index
                                    + "; was group " + previous, pos - name.codePointCount(0, name.length()) - 1);
                        }
                        return capture(flags, depth, open, index);
                    }
                    if (pos < src.length && src[pos] == '=') {
                        pos++;
                        int nameStart = pos;
                        String name = groupName(')');
                        Integer index = groupIndex.get(name);
                        if (index == null) throw new Error("unknown group name '" + name + "'", nameStart);
                        if (openGroups.get(index)) throw new Error("cannot refer to an open group", nameStart);
                        checkLookbehindReference(index);
                        out.append("(?:\\").append(index).append(')');
                        long[] w = groupWidths.get(index);
                        widthLo = w[0];
                        widthHi = w[1];
                        return true;
                    }
                    if (pos >= src.length) throw new Error("unexpected end of pattern", pos);
                    throw new Error("unknown extension ?P" + new String(Character.toChars(src[pos])), open + 1);
                }
                case '=', '!' -> {
                    pos++;
                    out.append("(?").append((char) c);
                    body(flags, depth, open);
                    widthLo = widthHi = 0;
                    return true;
                }
                case '<' -> {
                    pos++;
                    if (pos < src.length && (src[pos] == '=' || src[pos] == '!')) {
                        out.append("(?<").append((char) src[pos++]);
                        int outerLookbehind = lookbehindGroups;
                        if (outerLookbehind < 0) lookbehindGroups = groups;
                        body(flags, depth, open);
                        lookbehindGroups = outerLookbehind;
                        if (widthLo != widthHi) throw new Error("look-behind requires fixed-width pattern", -1);
                        widthLo = widthHi = 0;
                        return true;
                    }
                    if (pos >= src.length) throw new Error("unexpected end of pattern", pos);
                    throw new Error("unknown extension ?<" + new String(Character.toChars(src[pos])), open + 1);
                }
                case '>' -> {
                    pos++;
                    out.append("(?>");
                    body(flags, depth, open);
                    return true;
                }
                case '#' -> {
                    while (pos < src.length && src[pos] != ')') pos++;
                    if (pos >= src.length) throw new Error("missing ), unterminated comment", open);
                    pos++;
                    widthLo = widthHi = 0;
                    return false;
                }
                case '(' -> throw new Error("conditional groups (?(...)...) are not supported", open + 1);
                default -> {
                    if (isFlagChar(c) || c == '-') return scopedFlags(flags, depth, open);
                    throw new Error("unknown extension ?" + new String(Character.toChars(c)), open + 1);
                }
            }
        }
        return capture(flags, depth, open, ++groups);
    }

    private boolean capture(int flags, int depth, int open, int index) {
        openGroups.set(index);
        out.append('(');
        body(flags, depth, open);
        openGroups.clear(index);
        groupWidths.put(index, new long[] {widthLo, widthHi});
        return true;
    }

    /** The rest of a group: its alternatives and the closing parenthesis. */
    private void body(int flags, int depth, int open) {
        alternation(flags, depth + 1);
        if (pos >= src.length) throw new Error("missing ), unterminated subpattern", open);
        pos++;
        out.append(')');
    }

    private String groupName(char terminator) {
        int start = pos;
        while (pos < src.length && src[pos] != terminator) pos++;
        if (pos >= src.length) {
            if (pos == start) throw new Error("missing group name", start);
            throw new Error("missing " + terminator + ", unterminated name", start);
        }
        String name = new String(src, start, pos - start);
        if (name.isEmpty()) throw new Error("missing group name", start);
        if (!isIdentifier(name)) throw new Error("bad character in group name '" + name + "'", start);
        pos++;
        return name;
    }

    private static boolean isIdentifier(String s) {
        int first = s.codePointAt(0);
        if (!(Character.isUnicodeIdentifierStart(first) || first == '_')) return false;
        for (int i = Character.charCount(first); i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** (?flags) not at the start, or (?flags-flags:...). */
    private boolean scopedFlags(int flags, int depth, int open) {
        int add = 0, remove = 0;
        while (pos < src.length && isFlagChar(src[pos])) add |= flagBit(src[pos++]);
        if (pos < src.length && src[pos] == ')') {
            throw new Error("global flags not at the start of the expression", open);
        }
        if (pos < src.length && src[pos] == '-') {
            pos++;
            if (pos >= src.length) throw new Error("missing flag", pos);
            if (!isFlagChar(src[pos])) throw new Error("unknown flag", pos);
            while (pos < src.length && isFlagChar(src[pos])) {
                int bit = flagBit(src[pos]);
                if (bit == ASCII || bit == UNICODE || bit == LOCALE) {
                    throw new Error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", pos);
                }
                remove |= bit;
                pos++;
            }
        }
        if (pos >= src.length) throw new Error("missing -, : or )", pos);
        if (src[pos] != ':') {
            throw new Error(isLetter(src[pos]) ? "unknown flag" : "missing -, : or )", pos);
        }
        pos++;
        int inner = (flags | add) & ~remove;
        if ((add & (ASCII | UNICODE)) != 0) inner = (inner & ~(ASCII | UNICODE)) | (add & (ASCII | UNICODE));
        boolean caseless = (inner & IGNORECASE) != 0;
        out.append(caseless ? (asciiMode(inner) ? "(?i-u:" : "(?iu:") : "(?-iu:");
        body(inner, depth, open);
        return true;
    }

    private static boolean isLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    private static boolean isOctal(int c) { return c >= '0' && c <= '7'; }

    // ------------------------------------------------------------------ escapes

    /** An escape outside a class; returns whether it can be repeated. */
    private boolean escape(int flags) {
        int start = pos;
        pos++;
        if (pos >= src.length) throw new Error("bad escape (end of pattern)", start);
        int c = src[pos++];
        boolean ascii = asciiMode(flags);
        switch (c) {
            case 'd' -> out.append(ascii ? "[0-9]" : "\\p{Nd}");
            case 'D' -> out.append(ascii ? "[^0-9]" : "\\P{Nd}");
            case 'w' -> out.append('[').append(ascii ? ASCII_WORD : UNICODE_WORD).append(']');
            case 'W' -> out.append("[^").append(ascii ? ASCII_WORD : UNICODE_WORD).append(']');
            case 's' -> out.append('[').append(ascii ? ASCII_SPACE : UNICODE_SPACE).append(']');
            case 'S' -> out.append("[^").append(ascii ? ASCII_SPACE : UNICODE_SPACE).append(']');
            case 'b', 'B' -> {
                String w = ascii ? ASCII_WORD : UNICODE_WORD;
                String boundary = "(?:(?<=[" + w + "])(?![" + w + "])|(?<![" + w + "])(?=[" + w + "]))";
                String inside = "(?:(?<=[" + w + "])(?=[" + w + "])|(?<![" + w + "])(?![" + w + "]))";
                out.append(c == 'b' ? boundary : inside);
                widthLo = widthHi = 0;
                return false;
            }
            case 'A' -> {
                out.append("\\A");
                widthLo = widthHi = 0;
                return false;
            }
            case 'Z' -> {
                out.append("\\z");
                widthLo = widthHi = 0;
                return false;
            }
            default -> {
                if (isDigit(c)) {
                    numericEscape(c, start);
                } else {
                    literal(simpleEscape(c, start, false));
                }
            }
        }
        return true;
    }

    private void checkLookbehindReference(int group) {
        if (lookbehindGroups >= 0 && group > lookbehindGroups) {
            throw new Error("cannot refer to group defined in the same lookbehind subpattern", pos);
        }
    }

    /** \0, octal escapes and group references outside a class. */
    private void numericEscape(int c, int start) {
        if (c == '0') {
            int value = 0;
            for (int k = 0; k < 2 && pos < src.length && isOctal(src[pos]); k++) value = value * 8 + (src[pos++] - '0');
            literal(value);
            return;
        }
        if (pos < src.length && isDigit(src[pos])) {
            if (isOctal(c) && isOctal(src[pos]) && pos + 1 < src.length && isOctal(src[pos + 1])) {
                int value = (c - '0') * 64 + (src[pos] - '0') * 8 + (src[pos + 1] - '0');
                pos += 2;
                if (value > 0377) {
                    throw new Error("octal escape value \\" + new String(src, start + 1, 3) + " outside of range 0-0o377", start);
                }
                literal(value);
                return;
            }
            int group = (c - '0') * 10 + (src[pos++] - '0');
            groupReference(group, start);
            return;
        }
        groupReference(c - '0', start);
    }

    private void groupReference(int group, int start) {
        if (group > groups) throw new Error("invalid group reference " + group, start + 1);
        if (openGroups.get(group)) throw new Error("cannot refer to an open group", start);
        checkLookbehindReference(group);
        out.append("(?:\\").append(group).append(')');
        long[] w = groupWidths.get(group);
        widthLo = w[0];
        widthHi = w[1];
    }

    /** The code point of a single-character escape (c follows the backslash at start). */
    private int simpleEscape(int c, int start, boolean inClass) {
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return 0x0b;
            case 'a': return 7;
            case 'x': return hexEscape(2, start, "\\x");
            case 'u':
                if (!bytes) return hexEscape(4, start, "\\u");
                break;
            case 'U':
                if (!bytes) {
                    int v = hexEscape(8, start, "\\U");
                    if (v > 0x10FFFF) throw new Error("bad escape \\U" + new String(src, start + 2, 8), start);
                    return v;
                }
                break;
            case 'N':
                if (!bytes) return namedEscape(start);
                break;
            default:
                break;
        }
        if (c < 128 && (isLetter(c) || isDigit(c))) {
            throw new Error("bad escape \\" + (char) c, start);
        }
        return c;
    }

    private int hexEscape(int digits, int start, String prefix) {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int d = pos < src.length && src[pos] < 128 ? Character.digit(src[pos], 16) : -1;
            if (d < 0) throw new Error("incomplete escape " + prefix + new String(src, start + 2, pos - start - 2), start);
            value = value * 16 + d;
            pos++;
        }
        return value;
    }

    private int namedEscape(int start) {
        if (pos >= src.length || src[pos] != '{') throw new Error("missing {", pos);
        int nameStart = ++pos;
        while (pos < src.length && src[pos] != '}') pos++;
        if (pos >= src.length || pos == nameStart) throw new Error("missing character name", nameStart);
        String name = new String(src, nameStart, pos - nameStart);
        pos++;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new Error("undefined character name '" + name + "'", start);
        }
    }

    // ------------------------------------------------------------------ character classes

    private void charClass(int flags) {
        int open = pos;
        pos++;
        boolean negated = false;
        if (pos < src.length && src[pos] == '^') {
            negated = true;
            pos++;
        }
        StringBuilder items = new StringBuilder();
        boolean nested = false;
        boolean first = true;
        boolean ascii = asciiMode(flags);
        while (true) {
            if (pos >= src.length) throw new Error("unterminated character set", open);
            int c = src[pos];
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            int itemStart = pos;
            int lo;
            String shorthand = null;
            if (c == '\\') {
                pos++;
                if (pos >= src.length) throw new Error("unterminated character set", open);
                int e = src[pos++];
                switch (e) {
                    case 'd' -> shorthand = ascii ? "0-9" : "\\p{Nd}";
                    case 'D' -> shorthand = ascii ? "[^0-9]" : "\\P{Nd}";
                    case 'w' -> shorthand = ascii ? ASCII_WORD : UNICODE_WORD;
                    case 'W' -> shorthand = "[^" + (ascii ? ASCII_WORD : UNICODE_WORD) + "]";
                    case 's' -> shorthand = ascii ? ASCII_SPACE : UNICODE_SPACE;
                    case 'S' -> shorthand = "[^" + (ascii ? ASCII_SPACE : UNICODE_SPACE) + "]";
                    default -> { }
                }
                if (shorthand != null) {
                    if (shorthand.startsWith("[")) nested = true;
                    if (pos + 1 < src.length && src[pos] == '-' && src[pos + 1] != ']') {
                        throw new Error("bad character range " + new String(src, itemStart, pos + 2 - itemStart), itemStart);
                    }
                    items.append(shorthand);
                    continue;
                }
                lo = classEscape(e, itemStart);
            } else {
                pos++;
                lo = c;
            }
            if (pos + 1 < src.length && src[pos] == '-' && src[pos + 1] != ']') {
                pos++;
                int hiStart = pos;
                int hi;
                if (src[pos] == '\\') {
                    pos++;
                    if (pos >= src.length) throw new Error("unterminated character set", open);
                    int e = src[pos++];
                    if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S') {
                        throw new Error("bad character range " + new String(src, itemStart, pos - itemStart), itemStart);
                    }
                    hi = classEscape(e, hiStart);
                } else {
                    hi = src[pos++];
                }
                if (hi < lo) throw new Error("bad character range " + new String(src, itemStart, pos - itemStart), itemStart);
                classLiteral(items, lo);
                items.append('-');
                classLiteral(items, hi);
            } else {
                classLiteral(items, lo);
            }
        }
        if (negated && nested) {
            out.append("(?:(?![").append(items).append("])(?s:.))");
        } else if (items.isEmpty()) {
            out.append(negated ? "(?s:.)" : "(?!)");
        } else {
            out.append(negated ? "[^" : "[").append(items).append(']');
        }
    }

    private int classEscape(int e, int start) {
        if (e == 'b') return '\b';
        if (isOctal(e)) {
            int value = e - '0';
            for (int k = 0; k < 2 && pos < src.length && isOctal(src[pos]); k++) value = value * 8 + (src[pos++] - '0');
            if (value > 0377) throw new Error("octal escape value \\" + new String(src, start + 1, pos - start - 1) + " outside of range 0-0o377", start);
            return value;
        }
        return simpleEscape(e, start, true);
    }

    private static void classLiteral(StringBuilder sb, int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            sb.append((char) c);
        } else {
            sb.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    /** Group names in group-number order (for Match.lastgroup). */
    List<String> namesByIndex() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= groups; i++) names.add(null);
        groupIndex.forEach((name, index) -> names.set(index, name));
        return names;
    }
}
