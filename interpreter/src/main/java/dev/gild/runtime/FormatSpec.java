package dev.gild.runtime;

/**
 * A parsed format specification, the mini-language of format() and str.format():
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}, parsed and validated as
 * CPython's parse_internal_render_format_spec does, plus the layout of the formatted text
 * (padding, sign, prefix and digit grouping) shared by the str, int and float formatters.
 */
final class FormatSpec {
    /** The fill code point; ' ' unless given. */
    int fill = ' ';
    boolean fillGiven;
    /** '<', '>', '^', '=' or 0 when not given. */
    char align;
    /** '+', '-', ' ' or 0 when not given. */
    char sign;
    /** The 'z' flag: negative zero becomes zero. */
    boolean noNegativeZero;
    /** The '#' flag. */
    boolean alternate;
    /** -1 when not given. */
    long width = -1;
    /** ',' or '_' or 0. */
    char grouping;
    /** -1 when not given. */
    long precision = -1;
    /** The presentation type, or 0 when not given. */
    int type;

    private FormatSpec() {}

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    /**
     * Parses spec for a value; defaultType is the type assumed when none is given ('s' for str,
     * 'd' for int, 0 for float) and defaultAlign is '<' for strings and '>' for numbers (it
     * decides what a leading '0' means).
     */
    static FormatSpec parse(String spec, Object value, char defaultType, char defaultAlign) {
        FormatSpec f = new FormatSpec();
        f.type = defaultType;
        int[] cps = spec.codePoints().toArray();
        int n = cps.length;
        int pos = 0;
        boolean alignGiven = false;
        if (n >= 2 && isAlign(cps[1])) {
            f.align = (char) cps[1];
            f.fill = cps[0];
            f.fillGiven = true;
            alignGiven = true;
            pos = 2;
        } else if (n >= 1 && isAlign(cps[0])) {
            f.align = (char) cps[0];
            alignGiven = true;
            pos = 1;
        }
        if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) f.sign = (char) cps[pos++];
        if (pos < n && cps[pos] == 'z') {
            f.noNegativeZero = true;
            pos++;
        }
        if (pos < n && cps[pos] == '#') {
            f.alternate = true;
            pos++;
        }
        if (!f.fillGiven && pos < n && cps[pos] == '0') {
            f.fill = '0';
            if (!alignGiven && defaultAlign == '>') f.align = '=';
            pos++;
        }
        int start = pos;
        pos = digitsEnd(cps, pos);
        if (pos > start) f.width = parseCount(cps, start, pos);
        if (pos < n && cps[pos] == ',') {
            f.grouping = ',';
            pos++;
        }
        if (pos < n && cps[pos] == '_') {
            if (f.grouping != 0) throw Py.valueError("Cannot specify both ',' and '_'.");
            f.grouping = '_';
            pos++;
        }
        if (pos < n && cps[pos] == ',' && f.grouping == '_') throw Py.valueError("Cannot specify both ',' and '_'.");
        if (pos < n && cps[pos] == '.') {
            pos++;
            start = pos;
            pos = digitsEnd(cps, pos);
            if (pos == start) throw Py.valueError("Format specifier missing precision");
            f.precision = parseCount(cps, start, pos);
        }
        if (n - pos > 1) {
            throw Py.valueError("Invalid format specifier '" + spec + "' for object of type '" + Ops.typeName(value) + "'");
        }
        if (n - pos == 1) f.type = cps[pos];
        if (f.grouping != 0) {
            switch (f.type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0 -> { }
                case 'b', 'o', 'x', 'X' -> {
                    if (f.grouping != '_') throw badGrouping(f);
                }
                default -> throw badGrouping(f);
            }
        }
        return f;
    }

    private static PyException badGrouping(FormatSpec f) {
        if (f.type > 32 && f.type < 128) {
            return Py.valueError("Cannot specify '" + f.grouping + "' with '" + (char) f.type + "'.");
        }
        return Py.valueError("Cannot specify '" + f.grouping + "' with '\\x" + Integer.toHexString(f.type) + "'.");
    }

    private static int digitsEnd(int[] cps, int pos) {
        while (pos < cps.length && cps[pos] >= '0' && cps[pos] <= '9') pos++;
        return pos;
    }

    private static long parseCount(int[] cps, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int digit = cps[i] - '0';
            if (v > (Long.MAX_VALUE - digit) / 10) throw Py.valueError("Too many decimal digits in format string");
            v = v * 10 + digit;
        }
        return v;
    }

    /** ValueError "Unknown format code 'd' for object of type 'str'". */
    static PyException unknownCode(int type, Object value) {
        String code = type > 32 && type < 128 ? String.valueOf((char) type) : "\\x" + Integer.toHexString(type);
        return Py.valueError("Unknown format code '" + code + "' for object of type '" + Ops.typeName(value) + "'");
    }

    /** The alignment to use, defaulting as CPython does for the kind of value. */
    char alignOr(char defaultAlign) {
        return align == 0 ? defaultAlign : align;
    }

    // ------------------------------------------------------------------ layout

    /** A string padded to the width: the str formatter's layout (after precision truncation). */
    String padString(String s) {
        if (width < 0) return s;
        long len = CodePoints.length(s);
        if (len >= width) return s;
        long total = width - len;
        long left = switch (alignOr('<')) {
            case '>' -> total;
            case '^' -> total / 2;
            default -> 0;
        };
        return StrMethods.padded(s, left, total - left, fill);
    }

    /**
     * Lays out a number as CPython's calc_number_widths / fill_number: padding, sign, prefix,
     * grouped integer digits, then the rest (decimal point, fraction, exponent, '%').
     *
     * @param negative whether to show '-'
     * @param prefix "0x" and the like, or ""
     * @param digits the integer digits (may be empty for 'c' or inf/nan)
     * @param hasDecimal whether a decimal point follows the digits
     * @param remainder the text after the decimal point (or after the digits when there is none)
     * @param groupSize 3, or 4 for '_' with b/o/x/X
     */
    String layoutNumber(boolean negative, String prefix, String digits, boolean hasDecimal, String remainder, int groupSize) {
        char signChar = 0;
        if (negative) signChar = '-';
        else if (sign == '+') signChar = '+';
        else if (sign == ' ') signChar = ' ';
        int nSign = signChar == 0 ? 0 : 1;
        int nonDigits = nSign + prefix.length() + (hasDecimal ? 1 : 0) + remainder.length();
        char alignment = alignOr('>');
        long minWidth = fill == '0' && alignment == '=' ? width - nonDigits : 0;
        String grouped = digits.isEmpty() ? "" : group(digits, grouping, groupSize, minWidth);
        long padding = width - (nonDigits + grouped.length());
        long left = 0;
        long inner = 0;
        long right = 0;
        if (padding > 0) {
            switch (alignment) {
                case '<' -> right = padding;
                case '^' -> {
                    left = padding / 2;
                    right = padding - left;
                }
                case '=' -> inner = padding;
                default -> left = padding;
            }
        }
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, Math.max(width, 0) + nonDigits + grouped.length()));
        appendFill(sb, left);
        if (nSign != 0) sb.append(signChar);
        sb.append(prefix);
        appendFill(sb, inner);
        sb.append(grouped);
        if (hasDecimal) sb.append('.');
        sb.append(remainder);
        appendFill(sb, right);
        return sb.toString();
    }

    private void appendFill(StringBuilder sb, long count) {
        if (count > Integer.MAX_VALUE - 16 - sb.length()) throw Py.memoryError();
        for (long i = 0; i < count; i++) sb.appendCodePoint(fill);
    }

    /**
     * _PyUnicode_InsertThousandsGrouping: separators every groupSize digits from the right, and
     * when zero padding is requested ('0' fill with '=' alignment) leading zeros up to minWidth,
     * grouped like the digits.
     */
    static String group(String digits, char separator, int groupSize, long minWidth) {
        int remaining = digits.length();
        if (minWidth > Integer.MAX_VALUE - 64) throw Py.memoryError();
        if (separator == 0) {
            long l = Math.max(Math.max(remaining, minWidth), 1);
            if (l <= remaining) return digits;
            return "0".repeat((int) Math.min(l - remaining, Integer.MAX_VALUE - 16)) + digits;
        }
        StringBuilder reversed = new StringBuilder(remaining + remaining / groupSize + 8);
        int pos = remaining;
        boolean useSeparator = false;
        while (true) {
            long l = Math.min(groupSize, Math.max(Math.max(remaining, minWidth), 1));
            int zeros = (int) Math.max(0, l - remaining);
            int chars = (int) Math.max(0, Math.min(remaining, l));
            if (useSeparator) reversed.append(separator);
            for (int i = 0; i < chars; i++) reversed.append(digits.charAt(--pos));
            for (int i = 0; i < zeros; i++) reversed.append('0');
            useSeparator = true;
            remaining -= chars;
            minWidth -= l;
            if (remaining <= 0 && minWidth <= 0) break;
            minWidth -= 1;
        }
        return reversed.reverse().toString();
    }
}
